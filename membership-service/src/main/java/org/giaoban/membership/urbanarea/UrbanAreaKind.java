package org.giaoban.membership.urbanarea;

/** City (thành phố), town (thị xã), ward (phường) or commune (xã). */
public enum UrbanAreaKind {
    CITY, TOWN, WARD, COMMUNE
}
