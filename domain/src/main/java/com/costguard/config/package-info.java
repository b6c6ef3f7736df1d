/** Configuration read once from the environment variables of SPEC §6. */
package com.costguard.config;
