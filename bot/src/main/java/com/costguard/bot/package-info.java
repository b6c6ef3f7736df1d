/**
 * The Slack face: the Bolt {@code App} (built once by {@link com.costguard.bot.SlackBot}), its
 * handlers ({@code commands}) and one factory per message or modal ({@code messages}). Handlers
 * call the domain's services, never repositories.
 */
package com.costguard.bot;
