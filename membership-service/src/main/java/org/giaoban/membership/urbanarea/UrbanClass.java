package org.giaoban.membership.urbanarea;

/** Urban class (loại đô thị): special, then I to V. */
public enum UrbanClass {
    SPECIAL, I, II, III, IV, V
}
