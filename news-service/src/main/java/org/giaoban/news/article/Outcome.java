package org.giaoban.news.article;

/** Whether a command recorded something new or found exactly that already recorded (a safe repetition). */
public enum Outcome { RECORDED, UNCHANGED }
