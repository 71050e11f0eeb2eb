package org.giaoban.competition.round;

/** Whether a command recorded something new or found exactly that already recorded (a safe repetition). */
public enum Outcome { RECORDED, UNCHANGED }
