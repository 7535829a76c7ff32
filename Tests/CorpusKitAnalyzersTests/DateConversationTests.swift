import CorpusKit
import CorpusKitAnalyzers
import Testing

/// The conversation register: loose clock times that the news register leaves alone.
@Suite("Date extractor: conversation register")
struct DateConversationTests {
    static let chat = DateExtractor(register: .conversation)

    static func values(_ text: String) -> [String] {
        chat.extract(from: text, anchor: DateFixtures.friday).map(\.value)
    }

    @Test func bareHoursAfterAnIntroducer() {
        #expect(Self.values("Je repasse à 7") == ["T07:00"])
        #expect(Self.values("on se voit vers 19 ?") == ["T19:00"])
        #expect(Self.values("j'arrive à peu près 11") == ["T11:00"])
        // The news register reads none of them.
        #expect(DateFixtures.values("Je repasse à 7").isEmpty)
        #expect(DateFixtures.values("j'arrive à peu près 11").isEmpty)
    }

    @Test func spelledHoursWithMinutesHalvesAndMeridiems() {
        #expect(Self.values("réveil sept trente") == ["T07:30"])
        #expect(Self.values("alarme pour huit quarante pm") == ["T20:40"])
        #expect(Self.values("alarme pour dix cinquante cinq p. m.") == ["T22:55"])
        #expect(Self.values("c'est 8 et demie") == ["T08:30"])
        #expect(Self.values("c'est huit et quart") == ["T08:15"])
        #expect(Self.values("rappel 1140 a.m.") == ["T11:40"])
        #expect(Self.values("rappel 340pm") == ["T15:40"])
        // Minutes added after `heures`, `h` or a meridiem.
        #expect(Self.values("je reviens sept heures et dix") == ["T07:10"])
        #expect(Self.values("c'est 8 h et vingt minutes dans la soirée") == ["T20:20"])
        #expect(Self.values("c'est 9pm et trois quarts") == ["T21:45"])
        #expect(Self.values("c'est sept et demie heures") == ["T07:30"])
    }

    @Test func partsOfTheDayMoveTheHour() {
        #expect(Self.values("je rentre 10 ce soir") == ["2024-03-15T22:00"])
        #expect(Self.values("c'est 8 dans la soirée") == ["T20:00"])
        #expect(Self.values("je passe l'après-midi à 7") == ["T19:00"])
        #expect(Self.values("je passe apres midi 7:00") == ["T19:00"])
        #expect(Self.values("on se voit tôt matin") == ["TMO"])
        #expect(Self.values("on se voit le fin de nuit") == ["TNI"])
    }

    @Test func afternoonWrittenInTwoWordsAndPartsNamedRelatively() {
        // `après midi` is the afternoon in messages, its span both words; in news it is `after noon`.
        let afternoon = Self.chat.extract(from: "retrouvons nous apres midi", anchor: DateFixtures.friday)
        #expect(afternoon.map(\.value) == ["TAF"])
        #expect(afternoon.first?.text == "apres midi")
        #expect(DateFixtures.values("retrouvons nous apres midi") != ["TAF"])
        #expect(Self.values("je reviens dernière nuit") == ["2024-03-14TNI"])
        #expect(Self.values("je reviens la prochaine soirée") == ["2024-03-16TEV"])
        #expect(Self.values("rendez-vous mardi d'après-midi") == ["2024-03-12TAF"])
        // `je passe` is not `passé`.
        #expect(Self.values("je passe nuit blanche").isEmpty)
        #expect(Self.values("rappel quinze trente p m") == ["T15:30"])
    }

    @Test func rangesOfBareHours() {
        #expect(Self.values("dispo 17 à 18") == ["T17:00/T18:00"])
        #expect(DateFixtures.values("dispo 17 à 18").isEmpty)
        #expect(Self.values("de 5 à 7 demain") == ["2024-03-16T05:00/2024-03-16T07:00"])
        #expect(Self.values("dispo 5 au 6 ce soir") == ["2024-03-15T17:00/2024-03-15T18:00"])
        #expect(Self.values("dispo 16:00 - 17:00") == ["T16:00/T17:00"])
        #expect(Self.values("sorti 3 du matin et 5pm") == ["T03:00/T17:00"])
        #expect(Self.values("absent de 5 à 6 de 22/4/2016") == ["2016-04-22T05:00/2016-04-22T06:00"])
        #expect(Self.values("dispo entre 5pm et 6 après-midi") == ["T17:00/T18:00"])
        // Days of a month, ages and scores stay what they are.
        #expect(Self.values("absent du 4 au 22 janvier 2025") == ["2025-01-04/2025-01-22"])
        #expect(Self.values("des enfants de 5 à 7 ans").allSatisfy { !$0.hasPrefix("T") })
        #expect(Self.values("ils ont perdu 3 à 1 %").allSatisfy { !$0.hasPrefix("T") })
    }

    @Test func spansJustBeforeOrAfterTheAnchorAndRecurrences() {
        let now = PublicationDate(iso8601: "2024-03-15T16:12")
        let last = Self.chat.extract(from: "montre dernières 3 minutes", anchor: now)
        #expect(last.map(\.value) == ["2024-03-15T16:09/2024-03-15T16:12"])
        let next = Self.chat.extract(from: "bloque prochaine heure", anchor: now)
        #expect(next.map(\.value) == ["2024-03-15T16:12/2024-03-15T17:12"])
        #expect(Self.values("une réunion hebdomadaire") == ["P1W"])
        #expect(Self.values("pour deux et demi heures") == ["PT2.5H"])
        // In news, `la dernière minute` is an idiom and `le quotidien` a newspaper.
        #expect(Self.values("à la dernière minute").isEmpty)
        #expect(DateFixtures.values("une réunion hebdomadaire").isEmpty)
    }

    @Test func tomorrowWrittenAsLendemainAlone() {
        #expect(Self.values("je reviens lendemain 8:00") == ["2024-03-16T08:00"])
        // In news, `lendemain` without its article follows no rule.
        #expect(DateFixtures.values("un lendemain difficile").isEmpty)
    }

    @Test func looseRangesOfDays() {
        // Anchor: Friday 15 March 2024.
        #expect(Self.values("absent 4 au 22 ce mois") == ["2024-03-04/2024-03-22"])
        #expect(Self.values("absent 4 jusqu'à 23 mois prochain") == ["2024-04-04/2024-04-23"])
        #expect(Self.values("dehors entre 3 et 12 de sept") == ["2023-09-03/2023-09-12"])
        #expect(Self.values("dehors novembre 19-20") == ["2023-11-19/2023-11-20"])
        #expect(Self.values("dehors 2 oct à 22 octobre") == ["2023-10-02/2023-10-22"])
        #expect(Self.values("dehors depuis aujourd'hui jusqu'à demain") == ["2024-03-15/2024-03-16"])
        #expect(Self.values("sorti depuis Oct. 2 et Oct 22") == ["2023-10-02/2023-10-22"])
        #expect(Self.values("dehors 1 Jan jusqu'à Mer, 22 Janv") == ["2024-01-01/2024-01-22"])
        #expect(Self.values("la journée") == ["2024-03-15"])
        #expect(DateFixtures.values("la journée").isEmpty)
        // Without a month they are hours, or nothing; a month with its own day makes them hours.
        #expect(Self.values("dispo de 4 au 6 de Avril 22") == ["2023-04-22T04:00/2023-04-22T06:00"])
        #expect(DateFixtures.values("absent 4 au 22 ce mois") != ["2024-03-04/2024-03-22"])
    }

    @Test func daysAfterSurOrEnAndTheNearFuture() {
        #expect(Self.values("je reviens en 15") == ["2024-03-15"])
        #expect(Self.values("je reviens 20:00 sur 12") == ["2024-03-12T20:00"])
        #expect(Self.values("je reviens 9:00 sur dimanche dernier") == ["2024-03-10T09:00"])
        #expect(Self.values("rappelle-moi dès que possible") == ["FUTURE_REF"])
        #expect(DateFixtures.values("rappelle-moi dès que possible").isEmpty)
        #expect(DateFixtures.values("je reviens en 15").isEmpty)
    }

    @Test func monthsWithTheirDayInWords() {
        #expect(Self.values("je reviens mai vingt et un") == ["2023-05-21"])
        #expect(Self.values("je reviens août seconde") == ["2023-08-02"])
        #expect(Self.values("je reviens seconde d'août") == ["2023-08-02"])
        // An abbreviation is a month only with figures: `sept trente` is a time.
        #expect(Self.values("réveil sept trente") == ["T07:30"])
    }

    @Test func dayOfTheMonthWithItsHoursBlankDatesAndSeasons() {
        #expect(Self.values("je serai là le 17 de 14 à 16") == ["2024-03-17T14:00/2024-03-17T16:00"])
        #expect(Self.values("je suis né le 18 08 78") == ["1978-08-18"])
        #expect(Self.values("je reviens demain du matin à 7") == ["2024-03-16T07:00"])
        #expect(Self.values("je reviens 14 octobre 2023 pour 8:00am") == ["2023-10-14T08:00"])
        #expect(Self.values("je partirai l'été") == ["XXXX-SU"])
        #expect(Self.values("une réunion bihebdomadaire") == ["P2W"])
        #expect(Self.values("absent 2015.3") == ["2015-03"])
        #expect(DateFixtures.values("une hausse de 2015.3").isEmpty)
        #expect(Self.values("je reviendrai nuit lendemain") == ["2024-03-16TNI"])
        #expect(DateFixtures.values("je suis né le 18 08 78").isEmpty)
    }

    @Test func dayOfTheMonthAloneAndSecondsAlone() {
        #expect(Self.values("je reviens le 23.") == ["2024-02-23"])
        #expect(Self.values("rendez-vous 12:34:25") == ["T12:34:25"])
        #expect(DateFixtures.values("je reviens le 23.").isEmpty)
    }

    @Test func newsReadingsAreKept() {
        // What the news register reads, the conversation register reads the same way.
        for text in ["Le 14/03/2024 à 18h32", "de 16h à 17h demain", "du 3 au 7 juin 2024", "il y a trois ans",
                     "à 8pm dans la soirée, dimanche"] {
            #expect(Self.values(text) == DateFixtures.values(text), "\(text)")
        }
    }
}
