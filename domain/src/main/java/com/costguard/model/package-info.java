/**
 * The model, one package per aggregate: its entity, value objects and repository interface.
 * Repositories return {@code Optional}, never null.
 */
package com.costguard.model;
