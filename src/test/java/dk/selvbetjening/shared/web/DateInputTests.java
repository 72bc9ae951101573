package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import dk.selvbetjening.shared.web.DateInput.Part;
import org.junit.jupiter.api.Test;

/** Reading a date typed as day, month and year: a date, nothing, or one problem naming its part. */
class DateInputTests {

    private static void assertProblem(DateInput input, String key, Part part) {
        DateInput.Reading reading = input.read();
        assertThat(reading.date()).isNull();
        assertThat(reading.problemKey()).isEqualTo(key);
        assertThat(reading.part()).isEqualTo(part);
    }

    @Test
    void readsADateWithOrWithoutLeadingZerosAndSpaces() {
        assertThat(new DateInput("1", "3", "2027").read().date()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(new DateInput(" 01 ", "03", "2027").read().date()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(new DateInput("29", "2", "2028").iso()).isEqualTo("2028-02-29");
    }

    @Test
    void threeEmptyPartsAreNoDate() {
        assertThat(new DateInput(null, "", " ").read().empty()).isTrue();
        assertThat(DateInput.empty().iso()).isNull();
    }

    @Test
    void aMissingPartIsNamedAndTwoMissingPartsMarkTheWholeDate() {
        assertProblem(new DateInput("", "3", "2027"), "form.date.missing.day", Part.DAY);
        assertProblem(new DateInput("1", "", "2027"), "form.date.missing.month", Part.MONTH);
        assertProblem(new DateInput("1", "3", ""), "form.date.missing.year", Part.YEAR);
        assertProblem(new DateInput("", "", "2027"), "form.date.missing.dayAndMonth", Part.WHOLE);
        assertProblem(new DateInput("", "3", ""), "form.date.missing.dayAndYear", Part.WHOLE);
        assertProblem(new DateInput("1", "", ""), "form.date.missing.monthAndYear", Part.WHOLE);
    }

    @Test
    void lettersAShortYearAndImpossibleDatesEachHaveTheirOwnProblem() {
        assertProblem(new DateInput("1", "marts", "2027"), "form.date.notNumbers", Part.WHOLE);
        assertProblem(new DateInput("-1", "3", "2027"), "form.date.notNumbers", Part.WHOLE);
        assertProblem(new DateInput("123", "3", "2027"), "form.date.notNumbers", Part.WHOLE);
        assertProblem(new DateInput("1", "3", "27"), "form.date.yearDigits", Part.YEAR);
        assertProblem(new DateInput("31", "4", "2027"), "form.date.impossible", Part.WHOLE);
        assertProblem(new DateInput("29", "2", "2027"), "form.date.impossible", Part.WHOLE);
        assertProblem(new DateInput("0", "3", "2027"), "form.date.impossible", Part.WHOLE);
        assertProblem(new DateInput("1", "13", "2027"), "form.date.impossible", Part.WHOLE);
    }

    @Test
    void aDateFillsTheThreeParts() {
        DateInput input = DateInput.of(LocalDate.of(2027, 3, 1));
        assertThat(input).isEqualTo(new DateInput("1", "3", "2027"));
        assertThat(DateInput.of(null).isEmpty()).isTrue();
    }
}
