/**
 * Drafting: what the news service learns from the other services' topics.
 *
 * <ul>
 *   <li>{@link org.giaoban.news.drafting.RoundOutcomeDrafting} (consumer {@code news-drafting} of
 *       {@code competition.events.v1}): on {@code RoundConcluded}, the draft report of the cluster's conference
 *       ({@link org.giaoban.news.drafting.ConferenceReport}: date, venue, host, participants, movement and theme,
 *       proposals per award, next year's theme, host and leader, flag handover, workshop), article id
 *       {@code round-<roundId>}, source {@code ROUND_OUTCOME}, chuyên mục
 *       {@value org.giaoban.news.drafting.ConferenceReport#CATEGORY}, tags "giao ban", "thi đua" and the year, a plain-text
 *       body, and the checklist of what an editor adds ({@code GUESTS}, {@code ASSESSMENT}, {@code PHOTOS}). It waits
 *       for nothing: the conclusion carries every name. Exactly one draft per round: the inbox applies each
 *       {@code ce_id} once, and the article's id is the round's, so any other delivery of the conclusion finds the
 *       article written ({@code UNCHANGED}).</li>
 *   <li>{@link org.giaoban.news.names.NameReplicaConsumer} (consumer {@code news-names} of
 *       {@code membership.events.v1}): the names of clusters and urban areas as of their latest change, read through
 *       {@link org.giaoban.news.names.Names} by pages that link them by name.</li>
 * </ul>
 * Both are bound in {@code application.yml} ({@code spring.cloud.function.definition: newsDrafting;newsNames}).
 */
package org.giaoban.news.drafting;
