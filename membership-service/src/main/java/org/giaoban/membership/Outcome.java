package org.giaoban.membership;

/**
 * What a command did: recorded something new, or found exactly that already recorded. Repeating a request is safe:
 * the second time answers 200 and stores nothing.
 */
public enum Outcome { RECORDED, UNCHANGED }
