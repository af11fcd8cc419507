package io.budgetlens.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Caller input in a log line cannot start a new line, drive a terminal or hide text, and stays short. */
class LogSafeTest {

    @Test
    void lineBreaksEscapesAndBidiOverridesBecomeQuestionMarks() {
        assertThat(LogSafe.text("预算.pdf\n2026-12-01 INFO forged line")).isEqualTo("预算.pdf?2026-12-01 INFO forged line");
        assertThat(LogSafe.text("a\r\nb\u001b[31mred\u0007")).isEqualTo("a??b?[31mred?");
        assertThat(LogSafe.text("invoice\u202Efdp.exe")).isEqualTo("invoice?fdp.exe");
        assertThat(LogSafe.text("x\u2028y")).isEqualTo("x?y");
    }

    @Test
    void ordinaryTextIsKeptAndLongTextIsCut() {
        assertThat(LogSafe.text("https://www.cq.gov.cn/预算 公开(2024).html")).isEqualTo(
                "https://www.cq.gov.cn/预算 公开(2024).html");
        assertThat(LogSafe.text("😀 ok")).isEqualTo("😀 ok");
        assertThat(LogSafe.text("a".repeat(5000))).hasSize(201).endsWith("…");
        assertThat(LogSafe.text(null)).isNull();
    }
}
