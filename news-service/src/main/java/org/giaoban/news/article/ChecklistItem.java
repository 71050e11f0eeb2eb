package org.giaoban.news.article;

/**
 * What a machine cannot know about a conference and an editor adds before publishing a draft the system wrote from a
 * concluded round; each item is ticked when done. The checklist does not hold publication back.
 */
public enum ChecklistItem {

    /** The guests of the conference (khách mời): ministries, the association's leaders, the province. */
    GUESTS("Khách mời"),
    /** The assessment of the cluster's year (đánh giá kết quả năm), as the conference said it. */
    ASSESSMENT("Đánh giá kết quả năm"),
    /** The photos of the conference (ảnh). */
    PHOTOS("Ảnh");

    private final String label;

    ChecklistItem(String label) {
        this.label = label;
    }

    /** The item in Vietnamese, as an editor reads it. */
    public String label() {
        return label;
    }
}
