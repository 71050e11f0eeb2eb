package org.giaoban.news.reading;

/** A picture of an article: a reference (the service stores no binaries) and its caption, if any. */
public record ImageView(String url, String caption) {
}
