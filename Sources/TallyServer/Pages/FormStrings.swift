/// The words of the public report form and its answers, in English and Russian (the review and
/// login pages, for staff, are in English).
struct FormStrings: Sendable {
    let title, intro, consent, person, name, publishName, gender, genderNone, female, male, other, journalist, minor: String
    let detention, city, detentionPlace, date, time, circumstances, after, released, charged, drafted, injured: String
    let you, contact, send, received, receivedMessage, notSent, backToForm, sendAnother: String

    static func of(_ language: PageLanguage) -> FormStrings { language == .en ? english : russian }

    static let english = FormStrings(
        title: "Report a detention",
        intro: "For hotline operators and for friends or family of a detained person. An editor checks every report before it counts.",
        consent: "Names are kept encrypted and shown publicly only if you tick the box; counts below %ld for a place and day are shown as “fewer than %ld”.",
        person: "The detained person", name: "Name (optional)", publishName: "The person agrees that their name is published",
        gender: "Gender", genderNone: "not given", female: "female", male: "male", other: "other", journalist: "journalist",
        minor: "under 18", detention: "The detention", city: "City", detentionPlace: "Place of detention (police station)",
        date: "Date", time: "Time", circumstances: "Circumstances", after: "What happened next", released: "released",
        charged: "charged, with", drafted: "drafted", injured: "injured", you: "You (optional)",
        contact: "How an editor can reach you", send: "Send the report", received: "Report received",
        receivedMessage: "Thank you. Report %ld waits for an editor's review.", notSent: "The report was not sent",
        backToForm: "Back to the form", sendAnother: "Send another report")

    static let russian = FormStrings(
        title: "Сообщить о задержании",
        intro: "Для операторов горячей линии, друзей и близких задержанного. Каждое сообщение проверяет редактор, прежде чем оно войдёт в подсчёт.",
        consent: "Имена хранятся в зашифрованном виде и публикуются, только если отмечено согласие; числа меньше %ld для места и дня показываются как «меньше %ld».",
        person: "Задержанный", name: "Имя (необязательно)", publishName: "Задержанный согласен на публикацию имени",
        gender: "Пол", genderNone: "не указан", female: "женский", male: "мужской", other: "другой", journalist: "журналист",
        minor: "младше 18 лет", detention: "Задержание", city: "Город", detentionPlace: "Место содержания (отдел полиции)",
        date: "Дата", time: "Время", circumstances: "Обстоятельства", after: "Что было дальше", released: "отпущен",
        charged: "обвинён, по статье", drafted: "призван", injured: "пострадал", you: "Вы (необязательно)",
        contact: "Как редактор может с вами связаться", send: "Отправить", received: "Сообщение получено",
        receivedMessage: "Спасибо. Сообщение %ld ждёт проверки редактором.", notSent: "Сообщение не отправлено",
        backToForm: "Вернуться к форме", sendAnother: "Отправить ещё одно")
}
