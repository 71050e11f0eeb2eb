package org.giaoban.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {

    @ParameterizedTest
    @CsvSource({
            "Hoà Bình, Hòa Bình",
            "thuỷ lợi, thủy lợi",
            "Khánh Hoà, khánh hòa",
            "hoá,  hóa",
            "hoả, hỏa",
            "hoã, hõa",
            "hoạ, họa",
            "khoẻ, khỏe",
            "xoè, xòe",
            "Thành phố  Yên Bái, thành phố yên bái",
    })
    void bothToneMarkPlacementsAreOneName(String a, String b) {
        assertThat(VietnameseText.sameName(a, b)).isTrue();
    }

    @Test
    void differentTonesOrLettersAreDifferentNames() {
        assertThat(VietnameseText.sameName("Hòa Bình", "Hóa Bình")).isFalse();
        assertThat(VietnameseText.sameName("Lai Châu", "Lai Chau")).isFalse();
        assertThat(VietnameseText.sameName("Đoàn Kết", "Doàn Kết")).isFalse();
    }

    @Test
    void decomposedInputIsStoredComposed() {
        String decomposed = Normalizer.normalize("Điện Biên Phủ", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Điện Biên Phủ");
        assertThat(VietnameseText.nfc(decomposed)).isEqualTo("Điện Biên Phủ");
        assertThat(VietnameseText.sameName(decomposed, "Điện Biên Phủ")).isTrue();
    }

    @Test
    void foldsDiacriticsAndDForSearchAndSlugs() {
        assertThat(VietnameseText.fold("Tây Bắc")).isEqualTo("tay bac");
        assertThat(VietnameseText.fold("Hoà Bình")).isEqualTo(VietnameseText.fold("Hòa Bình")).isEqualTo("hoa binh");
        assertThat(VietnameseText.slug("Giao ban cụm các đô thị vùng Tây Bắc năm 2023"))
                .isEqualTo("giao-ban-cum-cac-do-thi-vung-tay-bac-nam-2023");
        assertThat(VietnameseText.slug("Đoàn Kết – Điện Biên!")).isEqualTo("doan-ket-dien-bien");
    }

    @Test
    void sortsInVietnameseAlphabeticalOrder() {
        List<String> names = new ArrayList<>(List.of("Đoàn Kết", "Âu Lâu", "Dương Nội", "An Bình", "Ăn Thôn", "Ê Đê", "Bình Minh", "Em"));
        names.sort(VietnameseText.order());
        assertThat(names).containsExactly("An Bình", "Ăn Thôn", "Âu Lâu", "Bình Minh", "Dương Nội", "Đoàn Kết", "Em", "Ê Đê");
    }
}
