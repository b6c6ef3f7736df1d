/**
 * Services used by every face (REST, Slack, portal): transactions, validation and authorisation
 * live here, so the faces stay thin and agree with each other.
 */
package com.costguard.application;
