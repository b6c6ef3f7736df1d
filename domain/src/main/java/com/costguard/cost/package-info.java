/**
 * The cost engine: pure Java (no jakarta.* imports), total functions, exhaustively tested. Every
 * figure Costguard shows is computed here; {@link com.costguard.cost.Money} is the only place that
 * rounds.
 */
package com.costguard.cost;
