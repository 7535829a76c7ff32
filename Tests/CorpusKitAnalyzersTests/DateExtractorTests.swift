import CorpusKit
import CorpusKitAnalyzers
import Testing

/// Sentences written for these tests. The anchor is Friday 15 March 2024 unless a test says otherwise.
enum DateFixtures {
    static let friday = PublicationDate(year: 2024, month: 3, day: 15)

    static func extract(_ text: String, anchor: PublicationDate? = friday) -> [TemporalExpression] {
        DateExtractor().extract(from: text, anchor: anchor)
    }

    static func values(_ text: String, anchor: PublicationDate? = friday) -> [String] {
        extract(text, anchor: anchor).map(\.value)
    }

    static func only(_ text: String, anchor: PublicationDate? = friday) -> TemporalExpression? {
        let found = extract(text, anchor: anchor)
        return found.count == 1 ? found[0] : nil
    }
}

@Suite("Date extractor: absolute dates")
struct AbsoluteDateTests {
    @Test func dayMonthYear() throws {
        let e = try #require(DateFixtures.only("Le contrat a été signé le 3 mars 2021 à Rabat."))
        #expect(e.value == "2021-03-03")
        #expect(e.text == "3 mars 2021")
        #expect(e.kind == .date)
        #expect(e.granularity == .day)
        #expect(e.intervalStart == "2021-03-03T00:00")
        #expect(e.intervalEnd == "2021-03-04T00:00")
        #expect(e.flags.isEmpty)
        #expect(e.rule == "absolute-day-month-year")
    }

    @Test func weekdayAndCaseInsensitivity() {
        #expect(DateFixtures.values("Publié jeudi 04 novembre 2021 par la rédaction.") == ["2021-11-04"])
        #expect(DateFixtures.values("Mercredi 3 Mars 2021 : le conseil s'est réuni.") == ["2021-03-03"])
        #expect(DateFixtures.values("MERCREDI 3 MARS 2021") == ["2021-03-03"])
        #expect(DateFixtures.extract("jeudi 04 novembre 2021")[0].text == "jeudi 04 novembre 2021")
    }

    @Test func partialDateTakesThePastYear() throws {
        let e = try #require(DateFixtures.only("La manifestation du 1er mai a rassemblé des milliers de personnes."))
        #expect(e.value == "2023-05-01")
        #expect(e.flags.contains(.yearInferred))
        #expect(e.alternatives.map(\.value) == ["2024-05-01"])
        #expect(e.anchor?.source == "publication")
        let before = try #require(DateFixtures.only("Réunion le 2 mars au siège."))
        #expect(before.value == "2024-03-02")
        // Within a month ahead, the coming one.
        let coming = try #require(DateFixtures.only("Le scrutin aura lieu le 7 avril."))
        #expect(coming.value == "2024-04-07")
        #expect(coming.alternatives.map(\.value) == ["2023-04-07"])
        let unanchored = try #require(DateFixtures.only("le 1er mai", anchor: nil))
        #expect(unanchored.value == "XXXX-05-01")
        #expect(unanchored.flags.contains(.unanchored))
    }

    @Test func monthFirstAndEnglish() {
        #expect(DateFixtures.values("Posted mars 14 2024 by admin") == ["2024-03-14"])
        #expect(DateFixtures.values("The summit opened on March 14, 2024 in Geneva.") == ["2024-03-14"])
        #expect(DateFixtures.values("It closed on 14 March 2024.") == ["2024-03-14"])
        #expect(DateFixtures.values("Thursday, March 14, 2024") == ["2024-03-14"])
        #expect(DateFixtures.values("the 14th of March 2024") == ["2024-03-14"])
        // An abbreviation with its period, a year after `de`; never a count (`Mars 3 soldats`).
        #expect(DateFixtures.values("Meeting on Oct. 2 in Paris") == ["2023-10-02"])
        #expect(DateFixtures.values("Posted October 14, 8:00am") == ["2023-10-14T08:00"])
        #expect(DateFixtures.values("Il est né novembre 23 de 1987.") == ["1987-11-23"])
        #expect(DateFixtures.values("Il compte pour Mars 3 soldats.").allSatisfy { !$0.hasSuffix("-03") })
    }

    @Test func monthWithATwoDigitYear() {
        // A two-digit number that cannot be a day is the year; a noun or `%` after it makes it a count.
        #expect(DateFixtures.values("En juillet 98, la France a gagné.") == ["1998-07"])
        #expect(DateFixtures.values("En juillet 98 personnes sont mortes.") == ["2023-07"])
        #expect(DateFixtures.values("En mars 45 % des votants ont voté.") == ["2024-03"])
    }

    @Test func abbreviatedMonths() {
        #expect(DateFixtures.values("Le 12 sept. 2023, puis le 3 fév. 2024 et le 24 déc. 2022.")
            == ["2023-09-12", "2024-02-03", "2022-12-24"])
        // `sept` alone is the number seven.
        #expect(DateFixtures.values("Il y avait sept candidats.").isEmpty)
    }

    @Test func monthGranularity() throws {
        let e = try #require(DateFixtures.only("En mars 2021, la production a chuté."))
        #expect(e.value == "2021-03")
        #expect(e.granularity == .month)
        #expect(e.intervalStart == "2021-03-01T00:00")
        #expect(e.intervalEnd == "2021-04-01T00:00")
        #expect(DateFixtures.values("Sales fell in May 2021.") == ["2021-05"])
        #expect(DateFixtures.values("Les ventes de décembre 2023 ont progressé.") == ["2023-12"])
        let december = try #require(DateFixtures.only("décembre 2023"))
        #expect(december.intervalEnd == "2024-01-01T00:00")
    }

    @Test func monthAloneIsThePastOneWithTheNextAsAlternative() throws {
        let february = try #require(DateFixtures.only("Les exportations de février ont reculé."))
        #expect(february.value == "2024-02")
        #expect(february.alternatives.map(\.value) == ["2025-02"])
        #expect(february.flags.contains(.yearInferred))
        #expect(DateFixtures.values("Septembre a été le mois le plus sec.") == ["2023-09"])
        #expect(DateFixtures.values("The index rose in August.") == ["2023-08"])
        // Not months: the planet and singer inside a sentence, the English modal and a surname, `august`.
        #expect(DateFixtures.values("La sonde a atteint Mars sans encombre.").isEmpty)
        #expect(DateFixtures.values("Theresa May said the talks may resume.").isEmpty)
        #expect(DateFixtures.values("An august institution.").isEmpty)
        #expect(DateFixtures.values("the march of the unions").isEmpty)
    }
}

@Suite("Date extractor: numeric dates")
struct NumericDateTests {
    @Test func dayFirst() {
        #expect(DateFixtures.values("le 14/03/2024") == ["2024-03-14"])
        #expect(DateFixtures.values("le 14-03-24") == ["2024-03-14"])
        #expect(DateFixtures.values("le 14.03.2024") == ["2024-03-14"])
        #expect(DateFixtures.values("le 12 - 02 - 2021") == ["2021-02-12"])
        #expect(DateFixtures.values("Mis à jour 2024-03-14") == ["2024-03-14"])
    }

    @Test func invalidDaysAreNotDates() {
        #expect(DateFixtures.values("le 31/02/2024").isEmpty)
        #expect(DateFixtures.values("le 14/13/2024").isEmpty)
        #expect(DateFixtures.values("le 29/02/2023").isEmpty)
        #expect(DateFixtures.values("le 29/02/2024") == ["2024-02-29"])
    }

    @Test func dayMonthAloneWhenItCannotBeAFraction() {
        #expect(DateFixtures.values("Rendez-vous 17/02 au siège.") == ["2024-02-17"])
        #expect(DateFixtures.values("Réunion prévue 05/03, salle B.") == ["2024-03-05"])
        #expect(DateFixtures.values("Il a réussi 3/4 des tirs.").isEmpty)
        #expect(DateFixtures.values("Un ratio de 12/10 en baisse.").isEmpty)
    }

    @Test func blankSeparatedDates() {
        #expect(DateFixtures.values("Date de naissance : 20 02 2014") == ["2014-02-20"])
        #expect(DateFixtures.values("Appelez le 01 45 67 89 12 avant 2014.") == ["2014"])
        #expect(!DateFixtures.values("Les scores : 20 02 2014 points.").contains("2014-02-20"))
    }

    @Test func twoDigitYearsGoToThePast() {
        // The past of the anchor (2024) or the year after it, never further ahead.
        #expect(DateFixtures.values("le 14-03-98") == ["1998-03-14"])
        #expect(DateFixtures.values("le 14-03-26") == ["1926-03-14"])
        #expect(DateFixtures.values("le 14-03-24") == ["2024-03-14"])
    }

    @Test func americanOrderOnlyWhenTheDayCannotBeAMonth() {
        #expect(DateFixtures.values("Posted 02/22/2016") == ["2016-02-22"])
        #expect(DateFixtures.extract("Posted 02/22/2016").first?.rule == "numeric-mdy")
        #expect(DateFixtures.values("le 02/11/2016") == ["2016-11-02"])
        #expect(DateFixtures.values("le 2015.5.13") == ["2015-05-13"])
        // Logs and page metadata: a month name between slashes.
        #expect(DateFixtures.values("Posted 23/Sep/2020") == ["2020-09-23"])
        #expect(DateFixtures.values("Posted 2020/Sep/23") == ["2020-09-23"])
    }

    @Test func monthAndYear() {
        #expect(DateFixtures.values("Publié 11/2016") == ["2016-11"])
        #expect(DateFixtures.values("Publié 11-2016") == ["2016-11"])
        #expect(DateFixtures.values("mis à jour 2016-11") == ["2016-11"])
        #expect(DateFixtures.values("relevé 11 / 2016") == ["2016-11"])
        #expect(DateFixtures.values("relevé 2016 - 11") == ["2016-11"])
        #expect(DateFixtures.values("en 2016 - 11 morts").allSatisfy { $0 != "2016-11" })
    }
}

@Suite("Date extractor: times")
struct TimeTests {
    @Test func secondsWithMeridiemAndSpelledHours() {
        #expect(DateFixtures.values("Arrivée 7:56:30pm") == ["T19:56:30"])
        #expect(DateFixtures.values("Le 14 octobre 2023 8:00:31am") == ["2023-10-14T08:00:31"])
        #expect(DateFixtures.values("La séance reprend à vingt et une heures.") == ["T21:00"])
        // Seconds alone are as often a race time.
        #expect(DateFixtures.values("Il a bouclé le marathon en 2:05:30.").isEmpty)
    }

    @Test func dateAndTimeAreOneExpression() throws {
        let e = try #require(DateFixtures.only("Le 14/03/2024 à 18h32"))
        #expect(e.value == "2024-03-14T18:32")
        #expect(e.kind == .dateTime)
        #expect(e.granularity == .minute)
        #expect(e.text == "14/03/2024 à 18h32")
        #expect(e.intervalStart == "2024-03-14T18:32")
        #expect(e.intervalEnd == "2024-03-14T18:33")
        let dash = try #require(DateFixtures.only("Mardi 9 Mars 2021 - 10:48"))
        #expect(dash.value == "2021-03-09T10:48")
        #expect(dash.text == "Mardi 9 Mars 2021 - 10:48")
    }

    @Test func secondsAreKeptWhenGiven() throws {
        let e = try #require(DateFixtures.only("Mis à jour le 14/03/2024 à 18:32:05"))
        #expect(e.value == "2024-03-14T18:32:05")
        #expect(e.granularity == .minute)
        #expect(DateFixtures.values("2024-03-14 18:32:05") == ["2024-03-14T18:32:05"])
        #expect(DateFixtures.values("L'alerte est tombée à 06:12:40.") == ["T06:12:40"])
        // Alone, `1:23:45` is as often a race time.
        #expect(DateFixtures.values("Il a bouclé le semi en 1:23:45.").isEmpty)
    }

    @Test func nightsBetweenTwoDays() throws {
        // Anchor: Friday 15 March 2024.
        let e = try #require(DateFixtures.only("Dans la nuit de samedi à dimanche, un entrepôt a brûlé."))
        #expect(e.value == "2024-03-09TNI")
        #expect(e.text == "Dans la nuit de samedi à dimanche")
        #expect(e.kind == .dateTime)
        #expect(e.intervalStart == "2024-03-10T00:00")
        #expect(DateFixtures.values("Des tirs ont éclaté dans la nuit du 12 au 13.") == ["2024-03-12TNI"])
        #expect(DateFixtures.values("la nuit du 3 au 4 mars 2023") == ["2023-03-03TNI"])
        #expect(DateFixtures.values("Il a neigé la nuit dernière.") == ["2024-03-14TNI"])
        // Not one night: the days do not follow each other.
        #expect(DateFixtures.values("la nuit de samedi à lundi").count == 2)
    }

    @Test func meridiemGluedAndHoursNamedByThePartOfTheDay() {
        #expect(DateFixtures.values("The polls close at 8pm.") == ["T20:00"])
        #expect(DateFixtures.values("Trading resumed at 7:30am.") == ["T07:30"])
        #expect(DateFixtures.values("Il est rentré à 11 du soir.") == ["T23:00"])
        #expect(DateFixtures.values("Le choc a eu lieu à 3 de l'après-midi.") == ["T15:00"])
        // Not hours: a count before `du`.
        #expect(DateFixtures.values("Ils étaient 8 du même village.").isEmpty)
        // A time, a comma, then its day.
        #expect(DateFixtures.values("Concert : 20:00, 21/04/2023") == ["2023-04-21T20:00"])
    }

    @Test func partOfTheDayThenItsDay() {
        #expect(DateFixtures.values("L'incendie s'est déclaré dans la soirée de mardi.") == ["2024-03-12TEV"])
        #expect(DateFixtures.values("Le vote a eu lieu en début d'après-midi lundi.") == ["2024-03-11TAF"])
        #expect(DateFixtures.values("Il a été arrêté dans la matinée d'hier.") == ["2024-03-14TMO"])
        #expect(DateFixtures.extract("dans la soirée de mardi").first?.alternatives.map(\.value) == ["2024-03-19TEV"])
    }

    @Test func earlyAndLateInThePartOfTheDay() {
        // `tôt`/`tard` name the start or the end of the part, alone or before its day.
        let late = DateFixtures.extract("Les négociations ont duré tard dans la nuit.")
        #expect(late.map(\.value) == ["TNI"])
        let lateTuesday = DateFixtures.extract("Il a été interpellé tard mardi soir.")
        #expect(lateTuesday.map(\.value) == ["2024-03-12TEV"])
        let wholeEvening = DateFixtures.extract("Il a été interpellé mardi soir.")
        #expect(lateTuesday.first?.intervalStart ?? "" > wholeEvening.first?.intervalStart ?? "")
        #expect(lateTuesday.first?.intervalEnd == wholeEvening.first?.intervalEnd)
        #expect(DateFixtures.values("Tôt ce matin, la police est intervenue.") == ["2024-03-15TMO"])
        #expect(DateFixtures.values("Ils sont repartis tard en soirée.") == ["TEV"])
        #expect(DateFixtures.values("Au cours de la nuit, trois voitures ont brûlé.") == ["TNI"])
        #expect(DateFixtures.values("Fin de matinée, le cortège s'est dispersé.") == ["TMO"])
        #expect(DateFixtures.values("Un incendie a éclaté au cours de la soirée mardi.") == ["2024-03-12TEV"])
        #expect(DateFixtures.values("Les secours sont arrivés en fin de la soirée mardi.") == ["2024-03-12TEV"])
        // `plus tard` is `later`; a determiner makes `fin de soirée` a noun phrase.
        #expect(DateFixtures.values("Il a parlé plus tard.") == [])
        #expect(DateFixtures.values("Ce fut une fin de soirée agitée.") == [])
    }

    @Test func partOfTheDayThenClockTime() {
        #expect(DateFixtures.values("Ce matin à 8h30, le train a déraillé.") == ["2024-03-15T08:30"])
        #expect(DateFixtures.values("Cet après-midi à 3 heures, la séance reprend.") == ["2024-03-15T15:00"])
        #expect(DateFixtures.values("Le vote a eu lieu dans la soirée à 9 heures.") == ["T21:00"])
        #expect(DateFixtures.values("Il arrive à 7 heures dans la soirée.") == ["T19:00"])
        // After a part of the day, `à 7` is an hour (moved to the evening), but not `à 7 ans`.
        #expect(DateFixtures.values("Rendez-vous mardi soir à 7, devant la mairie.") == ["2024-03-12T19:00"])
        #expect(DateFixtures.values("Ce matin à 7 ans, il lisait déjà.") == ["2024-03-15TMO"])
    }

    @Test func timeForms() {
        #expect(DateFixtures.values("le 3 mars 2021 à 18 h 32") == ["2021-03-03T18:32"])
        #expect(DateFixtures.values("le 3 mars 2021 à 16h") == ["2021-03-03T16:00"])
        #expect(DateFixtures.values("le 3 mars 2021 à midi") == ["2021-03-03T12:00"])
        #expect(DateFixtures.values("le 3 mars 2021 à minuit") == ["2021-03-03T00:00"])
        #expect(DateFixtures.extract("le 3 mars 2021 à 16h")[0].granularity == .hour)
        #expect(DateFixtures.extract("le 3 mars 2021 à 16h")[0].intervalEnd == "2021-03-03T17:00")
    }

    @Test func timesAlone() {
        #expect(DateFixtures.values("Le train part à 18h32.") == ["T18:32"])
        #expect(DateFixtures.extract("Rendez-vous à midi.").first?.kind == .time)
        // `Midi` without `à` is also a region of France.
        #expect(DateFixtures.values("Le Midi a voté à gauche.").isEmpty)
    }
}

@Suite("Date extractor: relative expressions")
struct RelativeDateTests {
    @Test func bareWeekdayIsThePastOne() throws {
        let e = try #require(DateFixtures.only("Le roi a reçu, mardi, le ministre."))
        #expect(e.value == "2024-03-12")
        #expect(e.alternatives.map(\.value) == ["2024-03-19"])
        #expect(e.flags.contains(.directionInferred))
        #expect(e.confidence < 0.7)
        #expect(e.anchor == TemporalExpression.Anchor(source: "publication", value: "2024-03-15"))
        // The publication day itself counts.
        #expect(DateFixtures.values("Il a parlé vendredi.") == ["2024-03-15"])
    }

    @Test func thisLastNextWeekday() {
        #expect(DateFixtures.values("ce jeudi") == ["2024-03-14"])
        #expect(DateFixtures.values("jeudi dernier") == ["2024-03-14"])
        #expect(DateFixtures.values("vendredi dernier") == ["2024-03-08"])
        #expect(DateFixtures.values("jeudi prochain") == ["2024-03-21"])
        #expect(DateFixtures.values("last Tuesday") == ["2024-03-12"])
        #expect(!DateFixtures.extract("jeudi prochain")[0].flags.contains(.directionInferred))
    }

    @Test func deicticDays() {
        #expect(DateFixtures.values("hier") == ["2024-03-14"])
        #expect(DateFixtures.values("avant-hier") == ["2024-03-13"])
        #expect(DateFixtures.values("demain") == ["2024-03-16"])
        #expect(DateFixtures.values("aujourd'hui et aujourd’hui") == ["2024-03-15", "2024-03-15"])
        #expect(DateFixtures.values("yesterday") == ["2024-03-14"])
        #expect(DateFixtures.values("hier soir") == ["2024-03-14TEV"])
        #expect(DateFixtures.values("hier à 18h") == ["2024-03-14T18:00"])
    }

    @Test func eveAndNextDayFollowThePreviousDate() throws {
        let found = DateFixtures.extract("Le sommet s'est ouvert le 3 mars 2021. La veille, les ministres avaient dîné.")
        #expect(found.map(\.value) == ["2021-03-03", "2021-03-02"])
        #expect(found[1].anchor?.source == "previous")
        #expect(DateFixtures.values("Le lendemain, tout a changé.") == ["2024-03-16"])
    }

    @Test func agoAndIn() {
        #expect(DateFixtures.values("il y a trois ans") == ["2021"])
        // Long number words are read whole, not cut to a shorter one (`quatre-vingt-dix-neuf` is not 90).
        #expect(DateFixtures.values("il y a quatre-vingt-dix ans") == ["1934"])
        #expect(DateFixtures.values("il y a soixante-quinze ans") == ["1949"])
        #expect(DateFixtures.values("il y a 3 jours") == ["2024-03-12"])
        #expect(DateFixtures.values("il y a deux mois") == ["2024-01"])
        #expect(DateFixtures.values("two years ago") == ["2022"])
        #expect(DateFixtures.values("dans trois jours") == ["2024-03-18"])
        #expect(DateFixtures.values("il y a quelques jours") == ["PAST_REF"])
    }

    @Test func hoursAndDecades() {
        let minute = PublicationDate(year: 2024, month: 3, day: 15, hour: 1, minute: 30)
        #expect(DateFixtures.values("il y a deux heures", anchor: minute) == ["2024-03-14T23:30"])
        #expect(DateFixtures.values("dans une heure", anchor: nil) == ["XXXX-XX-XXTXX:XX"])
        #expect(DateFixtures.values("la décennie prochaine") == ["203"])
    }

    @Test func relativeUnits() {
        #expect(DateFixtures.values("la semaine dernière") == ["2024-W10"])
        #expect(DateFixtures.values("next week") == ["2024-W12"])
        #expect(DateFixtures.values("l'an dernier") == ["2023"])
        #expect(DateFixtures.values("l'année dernière") == ["2023"])
        #expect(DateFixtures.values("l’an prochain") == ["2025"])
        #expect(DateFixtures.values("le mois prochain") == ["2024-04"])
        #expect(DateFixtures.values("cette année") == ["2024"])
        #expect(DateFixtures.values("ce mois-ci") == ["2024-03"])
        let week = DateFixtures.extract("la semaine dernière")[0]
        #expect(week.intervalStart == "2024-03-04T00:00")
        #expect(week.intervalEnd == "2024-03-11T00:00")
        #expect(DateFixtures.values("Le texte sera voté dans la semaine.") == ["2024-W11"])
        #expect(DateFixtures.values("Les résultats tomberont dans le mois.") == ["2024-03"])
        #expect(DateFixtures.values("la semaine qui suit") == ["2024-W12"])
        #expect(DateFixtures.values("le mois qui vient") == ["2024-04"])
        // Weekdays of the anchor's week and of the next one.
        #expect(DateFixtures.values("mardi de cette semaine") == ["2024-03-12"])
        #expect(DateFixtures.values("mercredi de la semaine d'après") == ["2024-03-20"])
    }

    @Test func midnightEndsTheAnchorDay() throws {
        let e = try #require(DateFixtures.only("Le couvre-feu commence à minuit."))
        #expect(e.value == "T00:00")
        #expect(e.intervalStart == "2024-03-16T00:00")
        #expect(DateFixtures.extract("Le train part à 8h.").first?.intervalStart == "2024-03-15T08:00")
    }

    @Test func monthsWithDirection() {
        #expect(DateFixtures.values("en mars dernier") == ["2023-03"])
        #expect(DateFixtures.values("en février dernier") == ["2024-02"])
        #expect(DateFixtures.values("en juin prochain") == ["2024-06"])
        let e = DateFixtures.extract("en mai, le chantier reprendra")[0]
        #expect(e.value == "2023-05")
        #expect(e.alternatives.map(\.value) == ["2024-05"])
    }

    @Test func weekdayReferringToAnEarlierDate() throws {
        let found = DateFixtures.extract(
            "L'accord a été signé jeudi 04 novembre 2021 à Rabat. Le texte, signé jeudi, entre en vigueur en 2022.")
        #expect(found.map(\.value) == ["2021-11-04", "2021-11-04", "2022"])
        #expect(found[1].anchor?.source == "previous")
    }

    @Test func unanchoredRelatives() throws {
        let e = try #require(DateFixtures.only("hier", anchor: nil))
        #expect(e.flags.contains(.unanchored))
        #expect(e.value == "XXXX-XX-XX")
        #expect(DateFixtures.values("mardi", anchor: nil) == ["XXXX-WXX-2"])
        // An explicit date still resolves a weekday without an anchor.
        #expect(DateFixtures.values("le mardi 12 mars 2024 puis mardi", anchor: nil) == ["2024-03-12", "2024-03-12"])
    }
}

@Suite("Date extractor: intervals")
struct IntervalTests {
    @Test func aDayUntilAnHour() throws {
        let e = try #require(DateFixtures.only("La route restera fermée demain jusqu'à 16h."))
        #expect(e.value == "2024-03-16/2024-03-16T16:00")
        #expect(e.intervalStart == "2024-03-16T00:00")
        #expect(e.intervalEnd == "2024-03-16T17:00")
        #expect(DateFixtures.values("Le guichet ouvre le 20 jusqu'à 18h.") == ["2024-03-20/2024-03-20T18:00"])
    }

    @Test func daysOfAMonthNamedAfterThem() {
        #expect(DateFixtures.values("Le salon se tiendra du 4 au 23 du mois prochain.") == ["2024-04-04/2024-04-23"])
        #expect(DateFixtures.values("Les soldes durent du 4 au 22 de ce mois.") == ["2024-03-04/2024-03-22"])
        #expect(DateFixtures.values("Il a plu du 2 au 9 du mois dernier.") == ["2024-02-02/2024-02-09"])
        #expect(DateFixtures.extract("du 4 au 23 du mois prochain").first?.alternatives.isEmpty == true)
    }

    @Test func aDayOfTheMonthBeforeARangeOfHours() {
        #expect(DateFixtures.values("La permanence aura lieu le 17 de 14h à 16h.") == ["2024-03-17T14:00/2024-03-17T16:00"])
        #expect(DateFixtures.values("Il porte le 17 de son club.").isEmpty)
    }

    @Test func rangesOfHoursWrittenOnce() {
        #expect(DateFixtures.values("Le bureau ouvre entre 17 et 18 heures.") == ["T17:00/T18:00"])
        #expect(DateFixtures.values("Permanence de 9 à 11h au siège.") == ["T09:00/T11:00"])
        #expect(DateFixtures.values("Dépôt des dossiers 16-17 heures.") == ["T16:00/T17:00"])
        #expect(DateFixtures.values("Coupure entre 5h et 6h de l'après-midi.") == ["T17:00/T18:00"])
        #expect(DateFixtures.values("Dépôt des dossiers 16 - 17 heures.") == ["T16:00/T17:00"])
        // The second hour's `pm` is the first's too.
        #expect(DateFixtures.values("Open from 5 to 6pm.") == ["T17:00/T18:00"])
        // Not hours: an age range, a score.
        #expect(!DateFixtures.values("des jeunes entre 18 et 25 ans").contains { $0.hasPrefix("T") })
        #expect(DateFixtures.values("Ils ont gagné 5 à 7.").isEmpty)
    }

    @Test func rangesOfTwoClockTimesWithoutOpener() {
        #expect(DateFixtures.values("Permanence 16h à 17h au siège.") == ["T16:00/T17:00"])
        #expect(DateFixtures.values("Coupure 3:00 à 4:00 demain.") == ["2024-03-16T03:00/2024-03-16T04:00"])
        #expect(DateFixtures.values("Open 4pm until 5pm.") == ["T16:00/T17:00"])
    }

    @Test func numericDayRangesInOneToken() {
        #expect(DateFixtures.values("Soldes du 28/2-1/3") == ["2024-02-28/2024-03-01"])
        #expect(DateFixtures.values("Expo 10/1-11/2/2017") == ["2017-01-10/2017-02-11"])
        #expect(DateFixtures.values("Expo 30/2-1/3").isEmpty)
        // A day the inferred year lacks: the days as written, year unknown.
        #expect(DateExtractor().extract(from: "Expo 29/2-1/3", anchor: PublicationDate(year: 2019, month: 9, day: 18))
            .map(\.value) == ["XXXX-02-29/XXXX-03-01"])
    }

    @Test func shortenedSecondYearAndYearMonth() {
        #expect(DateFixtures.values("Lors de la saison 2011-12, il a marqué.") == ["2011/2012"])
        #expect(DateFixtures.values("Le fichier 2019-12 a été publié.") == ["2019-12"])
        #expect(DateFixtures.values("Relevé de 2023/09.") == ["2023-09"])
    }

    @Test func ranges() throws {
        let e = try #require(DateFixtures.only("Le festival aura lieu du 3 au 7 juin 2024."))
        #expect(e.value == "2024-06-03/2024-06-07")
        #expect(e.kind == .interval)
        #expect(e.intervalStart == "2024-06-03T00:00")
        #expect(e.intervalEnd == "2024-06-08T00:00")
        #expect(DateFixtures.values("entre le 20 et le 30 juin") == ["2023-06-20/2023-06-30"])
        #expect(DateFixtures.values("de mars à mai 2021") == ["2021-03/2021-05"])
        #expect(DateFixtures.values("le plan 2021-2027") == ["2021/2027"])
        #expect(DateFixtures.values("du 28 décembre au 3 janvier 2024") == ["2023-12-28/2024-01-03"])
        #expect(DateFixtures.values("from March to May 2021") == ["2021-03/2021-05"])
        #expect(DateFixtures.values("les 3-7 juin 2024") == ["2024-06-03/2024-06-07"])
    }

    @Test func openIntervals() throws {
        let since = try #require(DateFixtures.only("Il dirige le club depuis 2011."))
        #expect(since.value == "2011/..")
        #expect(since.kind == .interval)
        #expect(since.intervalStart == "2011-01-01T00:00")
        #expect(since.intervalEnd == nil)
        let until = try #require(DateFixtures.only("Le contrat court jusqu'en 2030."))
        #expect(until.value == "../2030")
        #expect(until.intervalEnd == "2031-01-01T00:00")
        #expect(DateFixtures.values("jusqu'au 3 mars 2025") == ["../2025-03-03"])
        #expect(DateFixtures.values("d'ici 2030") == ["../2030"])
        #expect(DateFixtures.values("depuis hier") == ["2024-03-14/.."])
        #expect(DateFixtures.values("since 2011") == ["2011/.."])
    }

    @Test func openBoundsKeepTheOtherReadingAndTheAnchorDay() throws {
        // 8 April is 24 days after the anchor: the coming one, last year's kept as the other reading.
        let after = try #require(DateFixtures.only("Les inscriptions sont ouvertes à partir du 8 avril."))
        #expect(after.value == "2024-04-08/..")
        #expect(after.alternatives.first?.value == "2023-04-08/..")
        #expect(after.alternatives.first?.intervalStart == "2023-04-08T00:00")
        let before = try #require(DateFixtures.only("Le dossier doit être remis avant 16h."))
        #expect(before.value == "../T16:00")
        #expect(before.intervalEnd == "2024-03-15T16:00")
        #expect(before.flags.contains(.dayFromAnchor))
        #expect(DateFixtures.values("Ouvert vendredi à partir de midi.") == ["2024-03-15T12:00/.."])
    }

    @Test func rankedPartsOfAMonth() throws {
        #expect(DateFixtures.values("La première semaine d'octobre 2024 sera chargée.") == ["2024-W41"])
        #expect(DateFixtures.values("La dernière semaine de septembre 2024 sera chargée.") == ["2024-W39"])
        #expect(DateFixtures.values("Le dernier jour d'octobre 2024, tout ferme.") == ["2024-10-31"])
        #expect(DateFixtures.values("Le 3e jour de mai 2024, la grève a commencé.") == ["2024-05-03"])
        let inferred = try #require(DateFixtures.only("La première quinzaine d'avril sera chargée."))
        #expect(inferred.intervalStart == "2023-04-01T00:00")
        #expect(inferred.alternatives.first?.intervalStart == "2024-04-01T00:00")
        #expect(inferred.alternatives.first?.intervalEnd == "2024-04-15T00:00")
        #expect(DateFixtures.values("Le premier mercredi du mois prochain, le conseil siège.") == ["2024-04-03"])
        let weekend = try #require(DateFixtures.only("Le premier week-end de juin 2024, la fête bat son plein."))
        #expect(weekend.intervalStart == "2024-06-01T00:00")
        #expect(weekend.intervalEnd == "2024-06-03T00:00")
        let fortnight = try #require(DateFixtures.only("La deuxième quinzaine d'avril 2024 est réservée."))
        #expect(fortnight.intervalStart == "2024-04-15T00:00")
        #expect(fortnight.intervalEnd == "2024-05-01T00:00")
        #expect(DateFixtures.values("La semaine du 6 mai 2024 sera décisive.") == ["2024-W19"])
        #expect(DateFixtures.values("Le mois de mars 2023 fut doux.") == ["2023-03"])
        #expect(DateFixtures.values("Au mois de février, il a neigé.") == ["2024-02"])
    }

    @Test func numberRangesThatAreNotDates() {
        #expect(DateFixtures.values("de 3 à 5 personnes").isEmpty)
        #expect(DateFixtures.values("entre 1500 et 2000 soldats").isEmpty)
        #expect(DateFixtures.values("Le score est passé de 5 à 7.").isEmpty)
        #expect(DateFixtures.values("Ils étaient entre 13 et 18.").isEmpty)
        #expect(DateFixtures.extract("Le groupe compte du 13 au 18 ans.").allSatisfy { $0.kind != .interval })
    }

    @Test func rangeShapesOfNewsPages() throws {
        // No opening word, weekdays on both days, days in words, two day-months, a spaced dash.
        #expect(DateFixtures.values("Salon du livre, 13 au 15 juin 2024, entrée libre.") == ["2024-06-13/2024-06-15"])
        #expect(DateFixtures.values("Festival du samedi 13 au dimanche 15 juillet 2024.") == ["2024-07-13/2024-07-15"])
        #expect(DateFixtures.values("Grève du treize au quinze juillet 2023.") == ["2023-07-13/2023-07-15"])
        #expect(DateFixtures.values("Exposition 10 juin au 1er juillet 2024.") == ["2024-06-10/2024-07-01"])
        #expect(DateFixtures.values("Fermeture 14 - 20 sept. 2024.") == ["2024-09-14/2024-09-20"])
        // A day range with no month after `du` is in the anchor's month (March 2024).
        let days = try #require(DateFixtures.only("Les soldes courent du 13 au 18, prolongées."))
        #expect(days.value == "2024-03-13/2024-03-18")
        #expect(days.intervalEnd == "2024-03-19T00:00")
        // A year inferred from the anchor keeps the other reading, intervals included.
        let july = try #require(DateFixtures.only("Fermeture du 13 au 15 juillet."))
        #expect(july.value == "2023-07-13/2023-07-15")
        #expect(july.alternatives.first?.value == "2024-07-13/2024-07-15")
        #expect(july.alternatives.first?.intervalEnd == "2024-07-16T00:00")
        let dashed = try #require(DateFixtures.only("Soldes les 13-15 juillet."))
        #expect(dashed.alternatives.first?.intervalStart == "2024-07-13T00:00")
    }
}

@Suite("Date extractor: coarse granularity")
struct CoarseDateTests {
    @Test func years() {
        #expect(DateFixtures.values("en 2019, le pays a voté") == ["2019"])
        #expect(DateFixtures.values("l'année 2019") == ["2019"])
        #expect(DateFixtures.values("in 2019") == ["2019"])
        #expect(DateFixtures.values("Le record date de 1998.") == ["1998"])
        #expect(DateFixtures.values("1500 soldats et 2000 manifestants").isEmpty)
        #expect(DateFixtures.values("en 1750").isEmpty)
        #expect(DateFixtures.extract("en 2019")[0].granularity == .year)
    }

    @Test func seasonsQuartersDecadesCenturies() {
        #expect(DateFixtures.values("l'été 2023") == ["2023-SU"])
        #expect(DateFixtures.values("au premier trimestre 2024") == ["2024-Q1"])
        #expect(DateFixtures.values("au 3e trimestre 2023") == ["2023-Q3"])
        #expect(DateFixtures.values("au second semestre 2023") == ["2023-H2"])
        #expect(DateFixtures.values("T1 2024") == ["2024-Q1"])
        #expect(DateFixtures.values("les années 1990") == ["199"])
        #expect(DateFixtures.values("the 1990s") == ["199"])
        // Spelled, in France's numbers and Belgium's and Switzerland's.
        #expect(DateFixtures.values("dans les années soixante-dix") == ["197"])
        #expect(DateFixtures.values("les années quatre-vingt-dix") == ["199"])
        #expect(DateFixtures.values("les années nonante") == ["199"])
        #expect(DateFixtures.values("dans les années deux mille") == ["200"])
        #expect(DateFixtures.values("les années dix-neuf cinquante") == ["195"])
        #expect(DateFixtures.values("les années trente-deux").isEmpty)
        #expect(DateFixtures.values("au XIXe siècle") == ["18"])
        #expect(DateFixtures.values("au 19-ème siècle") == ["18"])
        #expect(DateFixtures.values("au XXIe siècle") == ["20"])
        #expect(DateFixtures.values("cet été") == ["2024-SU"])
        #expect(DateFixtures.values("l'été dernier") == ["2023-SU"])
        let quarter = DateFixtures.extract("au premier trimestre 2024")[0]
        #expect(quarter.intervalStart == "2024-01-01T00:00")
        #expect(quarter.intervalEnd == "2024-04-01T00:00")
        let decade = DateFixtures.extract("les années 1990")[0]
        #expect(decade.intervalStart == "1990-01-01T00:00")
        #expect(decade.intervalEnd == "2000-01-01T00:00")
    }

    @Test func modifiers() throws {
        let start = try #require(DateFixtures.only("début mars 2024"))
        #expect(start.value == "2024-03")
        #expect(start.rule.hasSuffix("+start"))
        #expect(start.text == "début mars 2024")
        #expect(DateFixtures.extract("fin 2023")[0].rule.hasSuffix("+end"))
        #expect(DateFixtures.values("fin 2023") == ["2023"])
        let mid = try #require(DateFixtures.only("à la mi-mars"))
        #expect(mid.value == "2024-03")
        #expect(mid.rule.hasSuffix("+mid"))
    }
}

@Suite("Date extractor: durations and sets")
struct DurationTests {
    @Test func durations() throws {
        let e = try #require(DateFixtures.only("Il a été nommé pour 5 ans."))
        #expect(e.value == "P5Y")
        #expect(e.kind == .duration)
        #expect(DateFixtures.values("trois jours de visite") == ["P3D"])
        #expect(DateFixtures.values("pendant deux heures") == ["PT2H"])
        #expect(DateFixtures.values("depuis trois ans") == ["P3Y"])
        #expect(DateFixtures.values("for two weeks") == ["P2W"])
    }

    @Test func unitsGluedHalvesWholesAndSeconds() {
        // A unit glued to its count, or by a dash.
        #expect(DateFixtures.values("Il est resté pour 3heures.") == ["PT3H"])
        #expect(DateFixtures.values("une peine de 3,5ans") == ["P3.5Y"])
        #expect(DateFixtures.values("une pause de 10mn") == ["PT10M"])
        #expect(DateFixtures.values("un format 30-minutes") == ["PT30M"])
        #expect(DateFixtures.values("pendant 3 hrs") == ["PT3H"])
        #expect(DateFixtures.values("Il s'est absenté pour 3 h.") == ["PT3H"])
        // Seconds, with their decimals; `seconde` alone stays an ordinal.
        #expect(DateFixtures.values("Il a couru le 100 m en 9,58 secondes.") == ["PT9.58S"])
        #expect(DateFixtures.values("Une seconde étape commence.") == [])
        #expect(DateFixtures.values("un écart de 1,5 seconde") == ["PT1.5S"])
        // Halves and whole units.
        #expect(DateFixtures.values("pendant une demi-heure") == ["PT0.5H"])
        #expect(DateFixtures.values("depuis un demi-siècle") == ["P50Y"])
        #expect(DateFixtures.values("Ils ont manifesté toute la journée.") == ["P1D"])
        #expect(DateFixtures.values("toute l'année") == ["P1Y"])
        #expect(DateFixtures.values("tout le monde") == [])
    }

    @Test func halvesDecimalsAndHoursThatAreNotClockTimes() {
        #expect(DateFixtures.values("Il a été condamné à un an et demi de prison.") == ["P1.5Y"])
        #expect(DateFixtures.values("Après deux heures et demie de débat, le texte passe.") == ["PT2.5H"])
        #expect(DateFixtures.values("Elle a écopé de 3,5 ans de réclusion.") == ["P3.5Y"])
        #expect(DateFixtures.values("Il a été condamné à 5 ans de prison.") == ["P5Y"])
        #expect(DateFixtures.values("Une grève de 48h paralyse le réseau.") == ["PT48H"])
        #expect(DateFixtures.values("Le site restera fermé pendant 24h.") == ["PT24H"])
        // Still clock times and ages.
        #expect(DateFixtures.values("Rendez-vous à une heure et demie.") == ["T01:30"])
        #expect(DateFixtures.values("Le train part à 21h.") == ["T21:00"])
        #expect(DateFixtures.values("Il est mort à 61 ans.").isEmpty)
    }

    @Test func recentPeriodsAreDurationsBackFromTheAnchor() throws {
        let e = try #require(DateFixtures.only("ces dernières semaines"))
        #expect(e.kind == .duration)
        #expect(e.value == "PXW")
        #expect(e.intervalEnd == "2024-03-16T00:00")
        // A count gives whole units next to the current one (Friday 15 March 2024).
        let three = try #require(DateFixtures.only("les trois derniers mois"))
        #expect(three.value == "P3M")
        #expect(three.intervalStart == "2023-12-01T00:00")
        #expect(three.intervalEnd == "2024-03-01T00:00")
        let days = try #require(DateFixtures.only("Il pleuvra les 3 prochains jours."))
        #expect(days.intervalStart == "2024-03-16T00:00")
        #expect(days.intervalEnd == "2024-03-19T00:00")
        let weeks = try #require(DateFixtures.only("Deux dernières semaines de débat."))
        #expect(weeks.value == "P2W")
        #expect(weeks.intervalStart == "2024-02-26T00:00")
        #expect(weeks.intervalEnd == "2024-03-11T00:00")
        // With the anchor's time, hours and minutes count from it.
        let hours = try #require(DateFixtures.only("Il pleuvra les 3 prochaines heures.",
                                                   anchor: PublicationDate(iso8601: "2024-03-15T10:20")))
        #expect(hours.intervalStart == "2024-03-15T11:00")
        #expect(hours.intervalEnd == "2024-03-15T14:00")
        let past = try #require(DateFixtures.only("Les 2 semaines passées ont été calmes."))
        #expect(past.value == "P2W")
        #expect(past.intervalStart == "2024-02-26T00:00")
        #expect(DateFixtures.values("over the past three years") == ["P3Y"])
    }

    @Test func withinTheNextUnitsEveryYearOnADayAndADateBeforeABound() {
        let now = PublicationDate(iso8601: "2024-03-15T10:00")
        let within = DateExtractor().extract(from: "Une réponse est attendue dans les 48 heures.", anchor: now)
        #expect(within.map(\.value) == ["2024-03-15T10:00/2024-03-17T10:00"])
        #expect(DateExtractor().extract(from: "Il doit partir dans les 2h.", anchor: now).map(\.value)
            == ["2024-03-15T10:00/2024-03-15T12:00"])
        #expect(DateFixtures.values("La fête a lieu chaque 14 juillet.") == ["XXXX-07-14"])
        #expect(DateFixtures.values("Dépôt le 23/12 avant 17h.") == ["../2023-12-23T17:00"])
    }

    @Test func weekdaysInThePluralAndTimesBeforeASet() {
        #expect(DateFixtures.values("Le marché a lieu les dimanches.") == ["XXXX-WXX-7"])
        #expect(DateFixtures.values("Le rapport est publié annuellement.") == ["P1Y"])
        #expect(DateFixtures.values("Le quotidien publie son rapport annuel.").isEmpty)
        #expect(DateFixtures.values("Réunion 16 heures chaque lundi.") == ["XXXX-WXX-1T16:00"])
        #expect(DateFixtures.values("Meeting at 4pm every Monday.") == ["XXXX-WXX-1T16:00"])
        #expect(DateFixtures.values("Ouvert à 9h30 les samedis.") == ["XXXX-WXX-6T09:30"])
        // `16 heures` with no set after it stays an amount.
        #expect(DateFixtures.values("Il a travaillé 16 heures.") == ["PT16H"])
    }

    @Test func sets() throws {
        let e = try #require(DateFixtures.only("Le festival revient chaque année."))
        #expect(e.value == "P1Y")
        #expect(e.kind == .set)
        #expect(DateFixtures.values("tous les lundis") == ["XXXX-WXX-1"])
        #expect(DateFixtures.values("tous les deux ans") == ["P2Y"])
        #expect(DateFixtures.values("every Monday") == ["XXXX-WXX-1"])
        #expect(DateFixtures.values("tous les lundis à 16h") == ["XXXX-WXX-1T16:00"])
    }
}

@Suite("Date extractor: precision filters")
struct DateFilterTests {
    @Test func numbersFollowedByNouns() {
        #expect(DateFixtures.values("42 délégués et 1500 soldats sont arrivés.").isEmpty)
    }

    @Test func percentagesAndDecimals() {
        #expect(DateFixtures.values("La croissance atteint 3,5% soit 2,4 MMDH.").isEmpty)
        #expect(DateFixtures.values("un taux de 20,24 %").isEmpty)
    }

    @Test func phonesAndAddresses() {
        #expect(DateFixtures.values("Appelez le 06 12 34 56 78 ou le +33 6 12 34 56 78.").isEmpty)
        #expect(DateFixtures.values("Il habite rue du 14 juillet 2020 à Rabat.").isEmpty)
        #expect(DateFixtures.values("Voir https://example.com/2024/03/14/titre et www.site2024.ma").isEmpty)
    }

    @Test func ages() {
        #expect(DateFixtures.values("Un homme âgé de 61 ans a été arrêté.").isEmpty)
        #expect(DateFixtures.values("Un homme de 61 ans a été arrêté.").isEmpty)
        #expect(DateFixtures.values("les 18-25 ans votent peu").isEmpty)
        #expect(DateFixtures.values("Marie Dupont, 61 ans, a témoigné.").isEmpty)
        #expect(DateFixtures.values("une peine de 5 ans") == ["P5Y"])
    }

    @Test func namesAndShortWords() {
        #expect(DateFixtures.values("Louis XIV et Mohammed VI").isEmpty)
        #expect(DateFixtures.values("Sa Majesté le Roi a reçu sa famille.").isEmpty)
        #expect(DateFixtures.values("Je me lu ma sa je").isEmpty)
        #expect(DateFixtures.values("Sam Smith chante.").isEmpty)
        #expect(DateFixtures.values("Le rover a atterri sur Mars.").isEmpty)
    }

    @Test func eventNamesAreKeptAndFlagged() throws {
        let euro = try #require(DateFixtures.only("L'Euro 2024 se joue en Allemagne."))
        #expect(euro.value == "2024")
        #expect(euro.flags.contains(.eventName))
        #expect(DateFixtures.extract("le Mondial 2030 au Maroc")[0].flags.contains(.eventName))
        #expect(DateFixtures.extract("la Coupe du monde 2030")[0].flags.contains(.eventName))
        #expect(DateFixtures.values("la COP28 à Dubaï").isEmpty)
    }
}

@Suite("Date extractor: checks")
struct DateCheckTests {
    @Test func weekdayMismatchKeepsTheDate() throws {
        let e = try #require(DateFixtures.only("mercredi 14 mars 2024"))
        #expect(e.value == "2024-03-14")
        #expect(e.flags.contains(.weekdayMismatch))
        let fine = try #require(DateFixtures.only("Le conseil s'est réuni jeudi 14 mars 2024."))
        #expect(fine.flags.isEmpty)
    }

    @Test func weekdaySettlesTheCenturyOfATwoDigitYear() {
        // 23 June 2018 was a Saturday, 23 June 1918 a Sunday; a four-digit year is never changed.
        #expect(DateFixtures.values("Le vote aura lieu samedi 23/06/18.", anchor: PublicationDate(year: 2016, month: 11, day: 7))
                == ["2018-06-23"])
        let written = DateFixtures.extract("mercredi 14 mars 2024")
        #expect(written.first?.value == "2024-03-14")
        #expect(written.first?.flags.contains(.weekdayMismatch) == true)
    }

    @Test func yearInferredFromWeekday() throws {
        // 4 November was a Thursday in 2021: the nearest such year before the anchor.
        let e = try #require(DateFixtures.only("jeudi 4 novembre"))
        #expect(e.value == "2021-11-04")
        #expect(e.flags.contains(.yearInferred))
    }
}

@Suite("Date extractor: robustness and analyzer")
struct DateRobustnessTests {
    @Test func shortUnpunctuatedLinesAreFlaggedAsBoilerplate() {
        let found = DateFixtures.extract("Publié le 14/03/2024 à 18h32\nLe ministre a parlé le 12 mars 2024 devant les députés.")
        #expect(found.count == 2)
        #expect(found[0].flags == [.boilerplate])
        #expect(found[1].flags.isEmpty)
    }

    @Test func neverTrapsOnOddInput() {
        let inputs = [
            "", " ", "1er", "du", "du 3 au", "il y a", "entre le", "31/02", "99999999999/99/99", "le 0/0/0000",
            "jusqu'", "les années", "XIXe", "9999-99-99", "mi-", "2024-2023", "à", "12 - 02 -", "depuis le",
            String(repeating: "14/03/2024 ", count: 500), String(repeating: "é", count: 10_000),
            "il y a 999999999 ans", "dans 99999 siècles", "T1", "le 29 février", "jeudi 29 février",
        ]
        for input in inputs {
            for anchor in [DateFixtures.friday, PublicationDate(year: 2024), nil] {
                _ = DateExtractor().extract(from: input, anchor: anchor)
            }
        }
        #expect(DateFixtures.values(String(repeating: "14/03/2024 ", count: 500)).count == 500)
    }

    @Test func spansPointIntoTheText() {
        let text = "Hier, à Rabat, l’accord du 3 au 7 juin 2024 a été prolongé jusqu'en 2030."
        for e in DateFixtures.extract(text) {
            #expect(String(e.span.substring(of: text)) == e.text)
        }
    }

    @Test func analyzerUsesThePublicationDate() throws {
        let article = Article(
            id: "a", text: "Le ministre a parlé hier devant les députés.",
            publishedAt: PublicationDate(year: 2024, month: 3, day: 15))
        let analyzer = DateAnalyzer()
        #expect(analyzer.id == .dates)
        #expect(analyzer.dependencies == [.text])
        #expect(!analyzer.abstract.isEmpty)
        let pipeline = try Pipeline(registry: .standard, selecting: [.dates])
        _ = pipeline
        let found = DateExtractor().extract(from: TextStructure(analyzing: article.body), anchor: article.publishedAt)
        #expect(found.map(\.value) == ["2024-03-14"])
        #expect(AnalyzerRegistry.standard.contains(.dates))
    }
}

@Suite("Date extractor: clock times and parts of the day")
struct ClockTimeTests {
    @Test func hoursIntroducedAreTimes() throws {
        let e = try #require(DateFixtures.only("Le concert commence à 23 heures sur la place."))
        #expect(e.value == "T23:00")
        #expect(e.kind == .time)
        #expect(e.granularity == .hour)
        #expect(DateFixtures.values("Les secours sont arrivés vers 20 heures.") == ["T20:00"])
        #expect(DateFixtures.values("Il est vingt heures et la salle est pleine.") == ["T20:00"])
        #expect(DateFixtures.values("Le magasin ferme à 15 h.").first == "T15:00")
        #expect(DateFixtures.values("L'alerte a été donnée à 3 heures du matin.") == ["T03:00"])
        #expect(DateFixtures.values("Le train part à sept heures du soir.") == ["T19:00"])
        #expect(DateFixtures.values("Nous déjeunerons à midi et demi.") == ["T12:30"])
        #expect(DateFixtures.values("Rendez-vous à neuf heures trente devant la mairie.") == ["T09:30"])
        #expect(DateFixtures.values("Ouverture des bureaux dès 8 heures.") == ["T08:00"])
        let minute = try #require(DateFixtures.only("Il est arrivé à 8 heures et quart."))
        #expect(minute.value == "T08:15")
        #expect(minute.granularity == .minute)
    }

    @Test func hoursOtherwiseStayDurations() {
        #expect(DateFixtures.values("Il a parlé pendant 2 heures.") == ["PT2H"])
        #expect(DateFixtures.values("Il reste deux heures de route.") == ["PT2H"])
        #expect(DateFixtures.values("Le chantier a été bouclé en 3 heures.") == ["PT3H"])
        #expect(DateFixtures.values("Le village est à deux heures de Lyon.") == ["PT2H"])
    }

    @Test func partsOfTheDayHaveIntervals() throws {
        let morning = try #require(DateFixtures.only("Le ministre est arrivé ce matin."))
        #expect(morning.value == "2024-03-15TMO")
        #expect(morning.kind == .dateTime)
        #expect(morning.intervalStart == "2024-03-15T04:00")
        #expect(morning.intervalEnd == "2024-03-15T12:00")
        let afternoon = try #require(DateFixtures.only("Une réunion aura lieu cet après-midi."))
        #expect(afternoon.value == "2024-03-15TAF")
        #expect(afternoon.intervalStart == "2024-03-15T12:00")
        #expect(afternoon.intervalEnd == "2024-03-15T19:00")
        let evening = try #require(DateFixtures.only("Le match a eu lieu hier soir."))
        #expect(evening.value == "2024-03-14TEV")
        #expect(evening.intervalStart == "2024-03-14T18:00")
        #expect(evening.intervalEnd == "2024-03-15T00:00")
        let night = try #require(DateFixtures.only("Il a neigé cette nuit."))
        #expect(night.value == "2024-03-15TNI")
        #expect(night.intervalStart == "2024-03-16T00:00")
        #expect(DateFixtures.values("Départ demain matin.") == ["2024-03-16TMO"])
        #expect(DateFixtures.values("Le vote a eu lieu jeudi après-midi.") == ["2024-03-14TAF"])
        #expect(DateFixtures.values("Aujourd'hui en début de matinée, la route était coupée.") == ["2024-03-15TMO"])
        let late = try #require(DateFixtures.only("Les manifestants sont partis en fin d'après-midi."))
        #expect(late.value == "TAF")
        #expect(late.kind == .time)
        #expect(DateFixtures.values("Le calme est revenu dans la soirée.") == ["TEV"])
    }

    @Test func partsOfPartsOfTheDayNarrowTheInterval() throws {
        func bounds(_ text: String) -> [String] {
            DateFixtures.extract(text).map { "\($0.text)|\($0.intervalStart ?? "-")|\($0.intervalEnd ?? "-")" }
        }
        #expect(bounds("Aujourd'hui en début de matinée, la route était coupée.")
            == ["Aujourd'hui en début de matinée|2024-03-15T07:00|2024-03-15T09:00"])
        #expect(bounds("Le train est parti jeudi en fin d'après-midi.")
            == ["jeudi en fin d'après-midi|2024-03-14T17:00|2024-03-14T19:00"])
        #expect(bounds("Le 12 mars au début de la soirée, la foule s'est dispersée.")
            == ["12 mars au début de la soirée|2024-03-12T18:00|2024-03-12T21:00"])
        #expect(bounds("Hier à la fin de la journée, le maire a parlé.")
            == ["Hier à la fin de la journée|2024-03-14T17:00|2024-03-14T21:00"])
        #expect(bounds("Mardi très tôt le matin, les pêcheurs sont sortis.")
            == ["Mardi très tôt le matin|2024-03-12T07:00|2024-03-12T09:00"])
        #expect(bounds("Vendredi le matin tôt, il pleuvait.") == ["Vendredi le matin tôt|2024-03-15T07:00|2024-03-15T09:00"])
        #expect(bounds("Mercredi en milieu de journée, la séance a repris.")
            == ["Mercredi en milieu de journée|2024-03-13T11:00|2024-03-13T16:00"])
        // Without a day, `le soir` alone stays generic; the phrases that cannot be generic are times.
        #expect(DateFixtures.extract("Le soir, les rues se vident.").isEmpty)
        #expect(DateFixtures.values("Les pêcheurs sortent tôt le matin.") == ["TMO"])
        #expect(DateFixtures.values("Le président s'exprimera dans la journée.") == ["TDT"])
    }

    @Test func timesWithoutADayAreIntervalsOnTheAnchorDay() throws {
        let e = try #require(DateFixtures.only("La séance reprendra à 15 heures."))
        #expect(e.value == "T15:00")
        #expect(e.intervalStart == "2024-03-15T15:00")
        #expect(e.intervalEnd == "2024-03-15T16:00")
        #expect(e.flags.contains(.dayFromAnchor))
        #expect(e.anchor?.source == "publication")
        let evening = try #require(DateFixtures.only("Le calme est revenu en fin de soirée."))
        #expect(evening.value == "TEV")
        #expect(evening.intervalStart == "2024-03-15T21:00")
        #expect(evening.intervalEnd == "2024-03-16T00:00")
        // No anchor, no day: the value alone.
        let bare = try #require(DateFixtures.only("La séance reprendra à 15 heures.", anchor: nil))
        #expect(bare.intervalStart == nil)
        #expect(!bare.flags.contains(.dayFromAnchor))
    }

    @Test func alternativeReadingsCarryTheirIntervals() throws {
        let e = try #require(DateFixtures.only("Le conseil se réunit mardi soir."))
        #expect(e.value == "2024-03-12TEV")
        let other = try #require(e.alternatives.first)
        #expect(other.value == "2024-03-19TEV")
        #expect(other.intervalStart == "2024-03-19T18:00")
        #expect(other.intervalEnd == "2024-03-20T00:00")
    }

    @Test func rangesOfClockTimes() throws {
        let e = try #require(DateFixtures.only("La réunion aura lieu jeudi de 9h30 à 11h."))
        #expect(e.kind == .interval)
        #expect(e.value == "2024-03-14T09:30/2024-03-14T11:00")
        #expect(e.intervalStart == "2024-03-14T09:30")
        #expect(e.intervalEnd == "2024-03-14T11:01")
        #expect(e.alternatives.first?.intervalStart == "2024-03-21T09:30")
        #expect(DateFixtures.values("Permanence entre 14h et 16h le 20 mars 2024.") == ["2024-03-20T14:00/2024-03-20T16:00"])
        #expect(DateFixtures.values("Horaires : 9h30 - 11h00.") == ["T09:30/T11:00"])
        let hours = try #require(DateFixtures.only("Ouvert de 14 heures à 16 heures."))
        #expect(hours.intervalEnd == "2024-03-15T17:00")
        #expect(hours.flags.contains(.dayFromAnchor))
        #expect(DateFixtures.values("Service de 11h30 à 1h30.") == ["T11:30/T13:30"])
        // Bare numbers are not clock times.
        #expect(DateFixtures.values("de 5 à 7").isEmpty)
    }

    @Test func timesFollowedByTheirDay() throws {
        // Friday 15 March 2024.
        #expect(DateFixtures.values("Rendez-vous à 8 heures ce soir.") == ["2024-03-15T20:00"])
        #expect(DateFixtures.values("Rendez-vous 8 heures ce soir.") == ["2024-03-15T20:00"])
        #expect(DateFixtures.values("Il parlera à 3 heures cet après-midi.") == ["2024-03-15T15:00"])
        #expect(DateFixtures.values("Départ à 3 heures et quart demain après-midi.") == ["2024-03-16T15:15"])
        #expect(DateFixtures.values("Coup d'envoi 13h30 samedi 21 septembre 2024.") == ["2024-09-21T13:30"])
        // `le dimanche` with no date is habitual: a set at that time, not a day joined to the time.
        let habit = DateFixtures.extract("Le magasin ferme à 15 h le dimanche.")
        #expect(habit.map(\.value) == ["XXXX-WXX-7T15:00"])
        #expect(habit.last?.kind == .set)
        #expect(DateFixtures.values("Il arrive à 16h le dimanche suivant.") == ["T16:00", "2024-03-17"])
        #expect(DateFixtures.values("Le 2 mars 2024 aux alentours de 5h, la sirène a sonné.") == ["2024-03-02T05:00"])
        #expect(DateFixtures.values("Le 2 mars 2024 à environ 5h, la sirène a sonné.") == ["2024-03-02T05:00"])
    }

    @Test func weekdayWithADayOfTheMonth() throws {
        // Saturday 16 March 2024 is the next day; Thursday 15 is in February 2024 (past) or August 2024.
        let saturday = try #require(DateFixtures.only("Le match aura lieu samedi 16 au stade."))
        #expect(saturday.value == "2024-03-16")
        let thursday = try #require(DateFixtures.only("La séance de jeudi 15 a été houleuse."))
        #expect(thursday.value == "2024-02-15")
        #expect(thursday.alternatives.map(\.value) == ["2024-08-15"])
        #expect(DateFixtures.values("Vendredi 15 à 16h, conférence.") == ["2024-03-15T16:00"])
        #expect(DateFixtures.values("Vendredi quinze à seize heures, conférence.") == ["2024-03-15T16:00"])
        // A number that counts something is not a day.
        #expect(DateFixtures.values("Samedi 16 blessés ont été admis.") == ["2024-03-09"])
    }

    @Test func weekdayOfANamedWeek() {
        #expect(DateFixtures.values("Réunion mercredi de la semaine prochaine.") == ["2024-03-20"])
        #expect(DateFixtures.values("Il est venu mardi la semaine dernière.") == ["2024-03-05"])
        #expect(DateFixtures.values("On se voit lundi en huit.") == ["2024-03-25"])
        #expect(DateFixtures.values("On se voit lundi en quinze.") == ["2024-04-01"])
    }

    @Test func moreClockShapes() {
        #expect(DateFixtures.values("La sirène a sonné à midi et quart.") == ["T12:15"])
        #expect(DateFixtures.values("Rendez-vous midi moins cinq devant la gare.") == ["T11:55"])
        #expect(DateFixtures.values("Le feu a pris à minuit trois.") == ["T00:03"])
        #expect(DateFixtures.values("Il est arrivé à onze heures trois quarts.") == ["T11:45"])
        #expect(DateFixtures.values("Réunion à quinze heures et quinze minutes.") == ["T15:15"])
        #expect(DateFixtures.values("Le train part à 8h du soir.") == ["T20:00"])
        #expect(DateFixtures.values("Le repas de midi est servi.").isEmpty)
        // `minuit` and `midi` alone are times; `Midi` inside a sentence is the region; `Le 16,` dates a paragraph.
        #expect(DateFixtures.values("Les cloches ont sonné minuit.") == ["T00:00"])
        #expect(DateFixtures.values("Rendez-vous midi devant la mairie.") == ["T12:00"])
        #expect(DateFixtures.values("Il pleut dans le Midi et sur Midi Libre.").isEmpty)
        #expect(DateFixtures.values("Le 16, les grévistes ont voté.") == ["2024-03-16"])
        #expect(DateFixtures.values("Il porte le 16 depuis deux ans.").filter { $0.hasPrefix("2024") }.isEmpty)
        // An abbreviated weekday only before a clock time, as comment timestamps write it.
        #expect(DateFixtures.values("Jeu 15:12 · Karim a répondu") == ["2024-03-14T15:12"])
        #expect(DateFixtures.values("Sam Rainsy a parlé.").isEmpty)
    }

    @Test func dayOfTheMonthWithATime() throws {
        // `le 16 à 18h`: a day of the anchor's month (Friday 15 March 2024), made a date by its time.
        let e = try #require(DateFixtures.only("Le concert aura lieu le 16 à 18h."))
        #expect(e.value == "2024-03-16T18:00")
        #expect(e.alternatives.map(\.value) == ["2024-02-16T18:00"])
        #expect(DateFixtures.values("Le département a voté le 16.").isEmpty)
    }

    @Test func morePartsOfTheDay() throws {
        #expect(DateFixtures.values("Il est arrivé mercredi en soirée.") == ["2024-03-13TEV"])
        #expect(DateFixtures.values("Il avait prévenu la veille au soir.") == ["2024-03-14TEV"])
        #expect(DateFixtures.values("Le vote a eu lieu lundi fin d'après-midi.") == ["2024-03-11TAF"])
        #expect(DateFixtures.values("Dans la matinée du 12 mars 2024, la neige est tombée.") == ["2024-03-12TMO"])
        let lunch = try #require(DateFixtures.only("Ils se sont vus à l'heure du déjeuner."))
        #expect(lunch.value == "TMI")
        #expect(lunch.intervalStart == "2024-03-15T12:00")
        #expect(lunch.intervalEnd == "2024-03-15T14:00")
        #expect(DateFixtures.only("Hier après le déjeuner, il est reparti.")?.intervalEnd == "2024-03-14T17:00")
    }

    @Test func dayJoinedToTime() throws {
        let e = try #require(DateFixtures.only("Le conseil se réunira jeudi à 9h30."))
        #expect(e.value == "2024-03-14T09:30")
        #expect(e.kind == .dateTime)
        #expect(DateFixtures.values("La cérémonie aura lieu demain à 18 heures.") == ["2024-03-16T18:00"])
        #expect(DateFixtures.values("Le suspect a été arrêté hier vers 22h.") == ["2024-03-14T22:00"])
        #expect(DateFixtures.values("Ouverture jeudi matin à 9 heures 30.") == ["2024-03-14T09:30"])
    }
}

@Suite("Date extractor: offsets, apostrophes, day after a date")
struct OffsetAndApostropheTests {
    @Test func compoundOffsets() throws {
        let e = try #require(DateFixtures.only("Le chantier sera livré dans 1 an et 2 mois."))
        #expect(e.value == "2025-05")
        #expect(e.kind == .date)
        #expect(e.anchor?.source == "publication")
        #expect(DateFixtures.values("Le verdict tombera dans 3 jours.") == ["2024-03-18"])
        #expect(DateFixtures.values("Le verdict tombera dans vingt quatre jours.") == ["2024-04-08"])
        // A week, month or year away: the exact day (month, then day) is the finer reading.
        let months = try #require(DateFixtures.only("Le chantier finira dans deux mois."))
        #expect(months.value == "2024-05")
        #expect(months.alternatives.map(\.value) == ["2024-05-15"])
        #expect(DateFixtures.only("Il est parti il y a un an.")?.alternatives.map(\.value) == ["2023-03", "2023-03-15"])
        // Approximate amounts read the same, with less confidence.
        #expect(DateFixtures.values("Le pont s'est effondré il y a près de deux ans.") == ["2022"])
        #expect(DateFixtures.values("Il y a à peu près un mois, la grève a commencé.") == ["2024-02"])
        #expect(DateFixtures.values("Il a quitté le pays il y a plus de dix ans.") == ["2014"])
        #expect((DateFixtures.only("il y a près de deux ans")?.confidence ?? 1) < 0.85)
        #expect(DateFixtures.values("Il est parti il y a 2 ans et 3 mois.") == ["2021-12"])
        #expect(DateFixtures.values("Elle a déménagé il y a un an, deux mois et trois jours.") == ["2023-01-12"])
        #expect(DateFixtures.values("La ligne ouvrira d'ici trois ans.") == ["2027"])
        #expect(DateFixtures.values("La ligne ouvrira d'ici 2030.") == ["../2030"])
    }

    @Test func apostropheVariants() {
        // Straight, typographic, modifier letters, primes, fullwidth, saltillo, Armenian, acute, backquote.
        for apostrophe in ["'", "’", "ʼ", "‘", "´", "`", "ʻ", "ʹ", "ꞌ", "＇", "′", "‵", "՚"] {
            #expect(DateFixtures.values("Il pleut aujourd\(apostrophe)hui.") == ["2024-03-15"], "\(apostrophe)")
            #expect(DateFixtures.values("Les ventes de l\(apostrophe)an dernier ont baissé.") == ["2023"],
                    "\(apostrophe)")
            #expect(DateFixtures.values("La ligne ouvrira d\(apostrophe)ici trois ans.") == ["2027"], "\(apostrophe)")
        }
    }

    @Test func spellingsOfAgoAndApproximateCounts() {
        #expect(DateFixtures.values("Il ya 3 jours, le pont a cédé.") == ["2024-03-12"])
        #expect(DateFixtures.values("Il y a environ deux ans, tout a commencé.") == ["2022"])
        #expect(DateFixtures.values("Le vote aura lieu dans environ 10 jours.") == ["2024-03-25"])
    }

    @Test func laterAndEarlierCountFromTheNarrative() throws {
        // After an explicit date, the count runs from it; otherwise from the anchor, with less confidence.
        let found = DateFixtures.extract("Le traité fut signé le 3 mai 2021. Trois jours plus tard, il était rompu.")
        #expect(found.map(\.value) == ["2021-05-03", "2021-05-06"])
        #expect(found.last?.anchor?.source == "previous")
        #expect(found.last?.rule == "relative-later")
        #expect(DateFixtures.values("Deux semaines auparavant, rien ne bougeait.") == ["2024-03-01"])
        #expect(DateFixtures.values("Un mois après, la ville était calme.") == ["2024-04"])
        #expect(DateFixtures.values("Two days later, the talks resumed.") == ["2024-03-17"])
        // `après` + an event: a duration, not a date.
        #expect(DateFixtures.values("Deux jours après son arrivée, il est reparti.") == ["P2D"])
    }

    @Test func compoundDurations() {
        #expect(DateFixtures.values("Le procès a duré 1 an 2 mois.") == ["P1Y2M"])
        #expect(DateFixtures.values("Peine : 1 année, 09 mois, 01 semaines.") == ["P1Y9M7D"])
        #expect(DateFixtures.values("Un trajet de 3 heures 20 minutes.") == ["PT3H20M"])
    }

    @Test func isoDateTimesOfPageMetadata() throws {
        let e = try #require(DateFixtures.only("Mis à jour 2015-05-02T10:20:19+0000 par la rédaction"))
        #expect(e.value == "2015-05-02T10:20")
        #expect(e.text == "2015-05-02T10:20:19+0000")
        #expect(e.kind == .dateTime)
        #expect(DateFixtures.values("publié 2024-03-14T18:32:00.000Z") == ["2024-03-14T18:32"])
        #expect(DateFixtures.values("identifiant 2024-03-14Tabc").isEmpty)
    }

    @Test func yearsAfterACommaOrDe() {
        #expect(DateFixtures.values("Il reviendra le 12 janvier, 2025.") == ["2025-01-12"])
        #expect(DateFixtures.values("Il est né le 23 novembre de 1987.") == ["1987-11-23"])
        #expect(DateFixtures.values("Le 3 mars, 2000 manifestants ont défilé.") == ["2024-03-03"])
    }

    @Test func twoDigitYears() {
        // The past of the anchor (2024), or the year after it.
        #expect(DateFixtures.values("le 20/02/98") == ["1998-02-20"])
        #expect(DateFixtures.values("le 20/02/25") == ["2025-02-20"])
        #expect(DateFixtures.values("le 20/02/26") == ["1926-02-20"])
        #expect(DateFixtures.values("Né le 31 octobre 74 à Oran.") == ["1974-10-31"])
        #expect(DateFixtures.values("Le 3 mars 14 personnes ont signé.") == ["2024-03-03"])
    }

    @Test func weekdayYearKeepsTheAnchorReading() throws {
        // 1 February fell on a Sunday in 2015; published in March 2017, the year of the anchor is the other reading.
        let e = try #require(DateFixtures.only("Dimanche 1er février à 21h24", anchor: PublicationDate(year: 2017, month: 3, day: 1)))
        #expect(e.value == "2015-02-01T21:24")
        #expect(e.alternatives.map(\.value) == ["2017-02-01T21:24"])
    }

    @Test func holidays() throws {
        // Friday 15 March 2024: Easter 2024 is 31 March (ahead), so `Pâques` is Easter 2023 (9 April).
        let easter = try #require(DateFixtures.only("Les fidèles se sont réunis à Pâques."))
        #expect(easter.value == "2023-04-09")
        #expect(easter.alternatives.map(\.value) == ["2024-03-31"])
        #expect(easter.flags.contains(.yearInferred))
        #expect(DateFixtures.values("Le marché de Noël a fermé.") == ["2023-12-25"])
        #expect(DateFixtures.values("Noël 2025 sera calme.") == ["2025-12-25"])
        #expect(DateFixtures.values("Le lundi de Pâques 2025 est férié.") == ["2025-04-21"])
        #expect(DateFixtures.values("La Pentecôte 2024 tombe tard.") == ["2024-05-19"])
        #expect(DateFixtures.values("Pendant le jour de l'an, tout est fermé.") == ["2024-01-01"])
        #expect(DateFixtures.values("La fête du travail a rassemblé du monde.") == ["2023-05-01"])
        #expect(DateFixtures.values("Mardi gras 2025, le carnaval défile.") == ["2025-03-04"])
        #expect(DateFixtures.values("À la Toussaint, les cimetières sont fleuris.") == ["2023-11-01"])
        // France's Mother's Day is the last Sunday of May, a week later when that is Pentecost (2023).
        #expect(DateFixtures.values("La fête des mères 2024 tombe un dimanche.") == ["2024-05-26"])
        #expect(DateFixtures.values("la fête des mères 2023") == ["2023-06-04"])
        // The United States' and Canada's, and a year after `de`.
        #expect(DateFixtures.values("Thanksgiving 2023") == ["2023-11-23"])
        #expect(DateFixtures.values("le jour de Thanksgiving 2024") == ["2024-11-28"])
        #expect(DateFixtures.values("l'Action de grâce 2023") == ["2023-10-09"])
        #expect(DateFixtures.values("une action de groupe").isEmpty)
        #expect(DateFixtures.values("la fête des pères de 2015") == ["2015-06-21"])
        #expect(DateFixtures.values("la fête des pères 2024") == ["2024-06-16"])
        // Some Sunday is not a date; `à dimanche` is.
        #expect(DateFixtures.values("Il est né un dimanche.").isEmpty)
        #expect(DateFixtures.values("It happened on a Monday.").isEmpty)
        #expect(DateFixtures.values("À dimanche !") == ["2024-03-10"])
        #expect(DateFixtures.values("La veille de Noël, les rues étaient pleines.") == ["2023-12-24"])
        #expect(DateFixtures.values("Le réveillon de Noël 2024 sera sobre.") == ["2024-12-24"])
        #expect(DateFixtures.values("Le réveillon du Nouvel An a été calme.") == ["2023-12-31"])
        // A first name, not the holiday.
        #expect(DateFixtures.values("Noël Mamère a parlé.").isEmpty)
    }

    @Test func dayAfterOrBeforeADate() throws {
        let e = try #require(DateFixtures.only("Tout a changé le lendemain du 13 février."))
        #expect(e.value == "2024-02-14")
        #expect(e.text == "le lendemain du 13 février")
        #expect(DateFixtures.values("La veille du 3 mars 2021, rien ne bougeait.") == ["2021-03-02"])
        #expect(DateFixtures.values("Au lendemain de l'élection, le parti a réagi.") == ["2024-03-16"])
    }
}

@Suite("Date extractor: coarse bounds, present, weekends, neighbouring days")
struct CoarseBoundsPresentWeekendTests {
    @Test func seasonBoundsIncludeTheirLastDay() {
        // Each season runs through the day of the next equinox or solstice; the end is exclusive.
        let bounds: [(String, String, String)] = [
            ("Au printemps 2023, le chantier a repris.", "2023-03-20T00:00", "2023-06-22T00:00"),
            ("Pendant l'été 2023, la ville a fermé ses piscines.", "2023-06-21T00:00", "2023-09-24T00:00"),
            ("L'automne 2023 a été pluvieux.", "2023-09-23T00:00", "2023-12-22T00:00"),
            ("In winter 2023 the roads were closed.", "2023-12-21T00:00", "2024-03-21T00:00"),
        ]
        for (text, start, end) in bounds {
            let found = DateFixtures.extract(text).filter { $0.granularity == .season }
            #expect(found.count == 1, "\(text)")
            #expect(found.first?.intervalStart == start, "\(text)")
            #expect(found.first?.intervalEnd == end, "\(text)")
        }
        let winter = DateFixtures.extract("Cet hiver, la neige est tombée tôt.")
        #expect(winter.map(\.value) == ["2023-WI"])
        #expect(winter.first?.intervalEnd == "2024-03-21T00:00")
    }

    @Test func otherCoarseBoundsEndTheDayAfter() {
        let semester = DateFixtures.extract("Au second semestre 2023, les ventes ont chuté.")
        #expect(semester.first?.intervalStart == "2023-07-01T00:00")
        #expect(semester.first?.intervalEnd == "2024-01-01T00:00")
        let quarter = DateFixtures.extract("Au quatrième trimestre 2023, la dette a monté.")
        #expect(quarter.first?.intervalEnd == "2024-01-01T00:00")
        let century = DateFixtures.extract("Le pont date du XIXe siècle.")
        #expect(century.first?.intervalStart == "1800-01-01T00:00")
        #expect(century.first?.intervalEnd == "1900-01-01T00:00")
        let decade = DateFixtures.extract("the 1980s were loud")
        #expect(decade.first?.intervalEnd == "1990-01-01T00:00")
        // `début`, `mi-`, `fin` keep the value and narrow the bounds to the start, middle or end.
        let late = DateFixtures.only("Les travaux finiront fin 2025.")
        #expect(late?.value == "2025")
        #expect(late?.intervalStart == "2025-11-01T00:00")
        #expect(late?.intervalEnd == "2026-01-01T00:00")
        let mid = DateFixtures.only("La récolte commence mi-juin 2025.")
        #expect(mid?.value == "2025-06")
        #expect(mid?.intervalStart == "2025-06-10T00:00")
        #expect(mid?.intervalEnd == "2025-06-20T00:00")
        let early = DateFixtures.only("Le salon ouvre début décembre 2025.")
        #expect(early?.intervalStart == "2025-12-01T00:00")
        #expect(early?.intervalEnd == "2025-12-11T00:00")
        let endOfMarch = DateFixtures.only("Le rapport sera remis à la fin du mois de mars 2025.")
        #expect(endOfMarch?.intervalStart == "2025-03-21T00:00")
        #expect(endOfMarch?.intervalEnd == "2025-04-01T00:00")
        let earlyCentury = DateFixtures.only("Le quartier date du début du XXe siècle.")
        #expect(earlyCentury?.value == "19")
        #expect(earlyCentury?.intervalEnd == "1930-01-01T00:00")
        // The anchor's own month, week or year (Friday 15 March 2024).
        let monthEnd = DateFixtures.only("Les salaires seront versés en fin de mois.")
        #expect(monthEnd?.value == "2024-03")
        #expect(monthEnd?.intervalStart == "2024-03-21T00:00")
        #expect(monthEnd?.intervalEnd == "2024-04-01T00:00")
        let weekStart = DateFixtures.only("Le texte a été déposé au début de la semaine.")
        #expect(weekStart?.intervalStart == "2024-03-11T00:00")
        #expect(weekStart?.intervalEnd == "2024-03-13T00:00")
        let yearStart = DateFixtures.only("Les prix ont baissé en début d'année.")
        #expect(yearStart?.intervalStart == "2024-01-01T00:00")
        #expect(yearStart?.intervalEnd == "2024-03-01T00:00")
        // An inferred year keeps the narrowed other reading.
        let inferred = DateFixtures.only("Le chantier reprendra fin avril.")
        #expect(inferred?.value == "2023-04")
        #expect(inferred?.alternatives.first?.intervalStart == "2024-04-21T00:00")
    }

    @Test func presentReferences() {
        let phrases = ["Le ministre est maintenant à Rabat.", "En ce moment, le trafic est coupé.",
                       "Le dossier est actuellement à l'étude.", "À l'heure actuelle, rien n'est décidé.",
                       "Il faut agir tout de suite.", "The minister is now in Rabat.",
                       "Right now, the road is closed.", "The plan is currently on hold."]
        for text in phrases {
            let found = DateFixtures.extract(text)
            #expect(found.count == 1, "\(text)")
            #expect(found.first?.value == "PRESENT_REF", "\(text)")
            #expect(found.first?.kind == .date, "\(text)")
            #expect(found.first?.granularity == .day, "\(text)")
            #expect(found.first?.intervalStart == "2024-03-15T00:00", "\(text)")
            #expect(found.first?.intervalEnd == "2024-03-16T00:00", "\(text)")
            #expect(found.first?.anchor?.source == "publication", "\(text)")
        }
        #expect(DateFixtures.extract("En ce moment, le trafic est coupé.").first?.text == "En ce moment")
        #expect(DateFixtures.extract("À l'heure actuelle, rien n'est décidé.").first?.text == "À l'heure actuelle")
        let timed = PublicationDate(year: 2024, month: 3, day: 15, hour: 23, minute: 59)
        let late = DateFixtures.extract("Le vote se tient maintenant.", anchor: timed)
        #expect(late.first?.intervalStart == "2024-03-15T23:59")
        #expect(late.first?.intervalEnd == "2024-03-16T00:00")
        let unanchored = DateFixtures.extract("Le vote se tient maintenant.", anchor: nil)
        #expect(unanchored.first?.flags == [.unanchored])
        #expect(DateFixtures.values("Il a tout perdu.").isEmpty)
    }

    @Test func weekends() {
        // Friday 15 March 2024: past-biased like a weekday, the coming weekend kept as the alternative.
        let this = DateFixtures.extract("Ce week-end, la ville a fêté son équipe.")
        #expect(this.first?.value == "2024-W10-WE")
        #expect(this.first?.kind == .interval)
        #expect(this.first?.intervalStart == "2024-03-09T00:00")
        #expect(this.first?.intervalEnd == "2024-03-11T00:00")
        #expect(this.first?.alternatives.map(\.value) == ["2024-W11-WE"])
        #expect(this.first?.flags == [.directionInferred])
        #expect(DateFixtures.values("Le week-end dernier, il a plu.") == ["2024-W10-WE"])
        let next = DateFixtures.extract("Le week-end prochain, le musée sera gratuit.")
        #expect(next.first?.value == "2024-W11-WE")
        #expect(next.first?.intervalStart == "2024-03-16T00:00")
        #expect(next.first?.intervalEnd == "2024-03-18T00:00")
        #expect(DateFixtures.values("This weekend the museum was full.") == ["2024-W10-WE"])
        #expect(DateFixtures.values("Last weekend the museum was full.") == ["2024-W10-WE"])
        #expect(DateFixtures.values("Next weekend the museum opens.") == ["2024-W11-WE"])
        // On a Sunday, the last weekend is the one before the current one.
        let sunday = PublicationDate(year: 2024, month: 3, day: 17)
        #expect(DateFixtures.values("Le week-end dernier, il a plu.", anchor: sunday) == ["2024-W10-WE"])
        #expect(DateFixtures.values("Le week-end, il a plu.", anchor: sunday) == ["2024-W11-WE"])
    }

    @Test func dayBeforeAndDayAfter() {
        let text = "Le sommet s'est ouvert le 3 mars 2021. Le jour d'avant, les délégués étaient arrivés."
        #expect(DateFixtures.values(text) == ["2021-03-03", "2021-03-02"])
        #expect(DateFixtures.extract(text).last?.rule == "relative-eve")
        #expect(DateFixtures.values("Le sommet s'est ouvert le 3 mars 2021. Le jour d'après, ils sont partis.")
            == ["2021-03-03", "2021-03-04"])
        #expect(DateFixtures.values("Le sommet s'est ouvert le 3 mars 2021. Le jour suivant, ils sont partis.")
            == ["2021-03-03", "2021-03-04"])
        #expect(DateFixtures.values("Le sommet s'est ouvert le 3 mars 2021. Le lendemain, ils sont partis.")
            == DateFixtures.values("Le sommet s'est ouvert le 3 mars 2021. Le jour d'après, ils sont partis."))
        #expect(DateFixtures.values("Le jour d'après, la ville était calme.") == ["2024-03-16"])
    }

    @Test func openIntervalsWithTimesAndDays() {
        // Friday 15 March 2024. A bare day after a forward-looking bound is in the anchor's month, or the next
        // month when it is already past; after `depuis` it is in the anchor's month, or the previous one.
        let from8 = DateFixtures.extract("La vente reprend à partir du 8.")
        #expect(from8.map(\.value) == ["2024-04-08/.."])
        #expect(from8.first?.intervalStart == "2024-04-08T00:00")
        #expect(DateFixtures.values("La vente reprend à partir du 20.") == ["2024-03-20/.."])
        #expect(DateFixtures.values("Les soldes durent jusqu'au 28.") == ["../2024-03-28"])
        #expect(DateFixtures.values("La grève dure depuis le 8.") == ["2024-03-08/.."])
        #expect(DateFixtures.values("La grève dure depuis le 20.") == ["2024-02-20/.."])
        let thursday = DateFixtures.extract("Le guichet ouvre à partir de 9h30 jeudi prochain.")
        #expect(thursday.first?.value == "2024-03-21T09:30/..")
        #expect(thursday.first?.kind == .interval)
        #expect(thursday.first?.intervalStart == "2024-03-21T09:30")
        #expect(DateFixtures.values("Le guichet ouvre à partir de 9h30 jeudi.") == ["2024-03-21T09:30/.."])
        let after = DateFixtures.extract("Le guichet a ouvert jeudi après 9h30.")
        #expect(after.first?.value == "2024-03-14T09:30/..")
        #expect(after.first?.text == "jeudi après 9h30")
        let november = DateFixtures.extract("Les inscriptions ouvrent après 16h le 1er novembre.")
        // A day-month without a year is past-biased here as everywhere else.
        #expect(november.first?.value == "2023-11-01T16:00/..")
        #expect(november.first?.text == "après 16h le 1er novembre")
        let noon = DateFixtures.extract("Les résultats seront connus avant midi.")
        #expect(noon.first?.value == "../T12:00")
        let tomorrow = DateFixtures.extract("Les résultats seront connus demain avant midi.")
        #expect(tomorrow.first?.value == "../2024-03-16T12:00")
        #expect(tomorrow.first?.intervalEnd == "2024-03-16T12:00")
        let untilThursday = DateFixtures.extract("Le musée reste fermé jusqu'à jeudi.")
        #expect(untilThursday.first?.value == "../2024-03-21")
        #expect(untilThursday.first?.intervalEnd == "2024-03-22T00:00")
        #expect(DateFixtures.values("La route est coupée depuis mardi soir.") == ["2024-03-12TEV/.."])
        let monday = DateFixtures.extract("The museum is closed from Monday.")
        #expect(monday.first?.value == "2024-03-18/..")
        let fivePM = DateFixtures.extract("The road is closed until 5 pm.")
        #expect(fivePM.first?.value == "../T17:00")
        // `avant`/`après` before a year or a noun are not open intervals here.
        #expect(DateFixtures.values("avant 2020") == ["2020"])
        #expect(DateFixtures.values("Ouverture des bureaux dès 8 heures.") == ["T08:00"])
    }
}
