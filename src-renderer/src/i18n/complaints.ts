// Words of complaints: filing one, its screen, its paper, the desk's list and a document that arrived. Merged into
// ru.ts; the same vue-i18n rules apply (no literal @ braces or vertical bar).
export const complaintMessages = {
  complaint: {
    title: 'Жалоба {number}',
    patient: 'Пациент',
    kind: 'Суть',
    documentKind: 'Вид документа',
    visitDate: 'Дата посещения',
    region: 'Регион',
    organisation: 'Медицинская организация',
    document: 'Документ',
    field: 'Что различается',
    paperValue: 'На бумаге указано',
    description: 'Описание',
    contacts: 'Контакты для ответа',
    registeredOn: 'Зарегистрирована',
    due: 'Срок рассмотрения',
    overdue: 'просрочена',
    dueToday: 'срок сегодня',
    route: 'Куда направлена',
    routeElectronic: 'Электронно, через синхронизацию с сервером клиники',
    routePaper: 'Письмом: {addressee}',
    sentOn: 'письмо отправлено {date}',
    notSent: 'письмо ещё не отправлено',
    resolution: 'Решение',
    openPatient: 'Карта пациента',
    filed: 'Жалоба зарегистрирована. Напечатайте пациенту расписку.',
    actions: 'Действия',
    closed: 'Жалоба закрыта.',
    matchesTitle: 'Поступившие документы, подходящие к жалобе',
    matchesHint: 'Проверьте документ и закройте жалобу одним действием.',
    match: '{title} № {number} от {date}, {organisation}',
    resolveWithMatch: 'Решить: документ поступил',
    resolvedNote: 'Жалоба решена',
    history: 'История',
    historyWhen: 'Когда',
    historyFrom: 'Из',
    historyTo: 'В',
    historyWho: 'Кто',
    historyNote: 'Примечание',
    paper: 'Бумаги',
    printReceipt: 'Расписка пациенту',
    printLetter: 'Письмо адресату',
    letterHint: 'Письмо печатают, подписывают у главного врача и отправляют; затем отметьте отправку.',
    noComplaint: 'Жалоба не найдена'
  },
  complaintKindShort: {
    missing_document: 'Документ не пришёл',
    discrepancy: 'Расхождение'
  },
  discrepancyField: {
    full_name: 'ФИО',
    organisation: 'Организация',
    diagnosis: 'Диагноз',
    lab_results: 'Результаты анализов',
    other: 'Другое'
  },
  complaintAction: {
    forwarded: 'Передать',
    in_review: 'На рассмотрение',
    resolved: 'Решить…',
    rejected: 'Отклонить…'
  },
  complaintNote: {
    resolveTitle: 'Решение по жалобе {number}',
    resolveLabel: 'Чем решена жалоба',
    resolveConfirm: 'Решить',
    rejectTitle: 'Отклонить жалобу {number}',
    rejectLabel: 'Причина отклонения',
    rejectConfirm: 'Отклонить',
    required: 'Напишите несколько слов: это увидит пациент'
  },
  complaintForm: {
    missingTitle: 'Жалоба: документ не пришёл',
    missingButton: 'Жалоба: документ не пришёл',
    patient: 'Пациент',
    documentKind: 'Вид документа',
    chooseKind: '— выберите вид документа —',
    visitDate: 'Дата посещения',
    visitInFuture: 'Дата посещения не может быть позже сегодняшней',
    region: 'Регион, где было посещение',
    noPortalData: 'Данные этого региона на портал не поступают: жалобу отправят письмом.',
    organisationSource: 'Медицинская организация',
    fromDirectory: 'Из справочника',
    typed: 'Нет в справочнике — ввести',
    organisation: 'Организация региона',
    chooseOrganisation: '— выберите организацию —',
    noOrganisations: 'В справочнике нет организаций этого региона: введите название и ОГРН.',
    organisationName: 'Название организации',
    ogrn: 'ОГРН',
    ogrnPlaceholder: '13 цифр',
    ogrnOk: 'ОГРН верный',
    knownOrganisation: 'Эта организация есть в справочнике: {name}',
    useKnown: 'Выбрать её',
    contacts: 'Контакты для ответа',
    contactsHint: 'Телефон или почта, куда сообщить о решении',
    comment: 'Комментарий',
    submit: 'Зарегистрировать жалобу',
    fixErrors: 'Исправьте отмеченные поля',
    discrepancyButton: 'Расхождение с бумажной версией',
    discrepancyTitle: 'Расхождение с бумажной версией',
    discrepancyDocument: '{title} № {number} от {date}',
    field: 'Что различается',
    chooseField: '— выберите —',
    paperValue: 'Что написано на бумаге',
    paperValueRequired: 'Укажите, что написано на бумаге',
    fieldRequired: 'Выберите, что различается',
    description: 'Описание'
  },
  documentArrival: {
    button: 'Поступил документ',
    title: 'Поступил документ',
    lead: 'Документ, пришедший на бумаге из другой организации или повторно введённый. Если он отвечает на жалобу, программа скажет.',
    kind: 'Вид документа',
    number: 'Номер документа',
    date: 'Дата документа',
    region: 'Регион организации',
    organisation: 'Организация, выдавшая документ',
    authorName: 'Автор (ФИО)',
    authorRole: 'Должность автора',
    docTitle: 'Название документа',
    content: 'Содержание',
    replaces: 'Заменяет документ (исправленная версия)',
    replacesNone: '— не заменяет —',
    submit: 'Внести документ',
    saved: 'Документ «{title}» № {number} внесён в карту.',
    answers: 'Он отвечает на жалобу: | Он отвечает на жалобы:',
    answersNone: 'Открытых жалоб, на которые он отвечает, нет.',
    another: 'Внести ещё один',
    backToCard: 'Вернуться в карту'
  },
  complaintDesk: {
    title: 'Жалобы в работе',
    hint: 'Сначала просроченные, затем по сроку',
    empty: 'Открытых жалоб нет.',
    due: 'Срок',
    complaint: 'Жалоба и пациент',
    status: 'Статус',
    overdue: 'просрочена',
    today: 'срок сегодня',
    overdueCount: 'Просрочено: {n}',
    searchHint: 'Номер жалобы — нажмите Enter, чтобы открыть её'
  },
  complaintPrint: {
    markSent: 'Письмо отправлено — отметить',
    markSentHint: 'После отправки письма отметьте это: жалоба станет «Передана».',
    sent: 'Отправка письма отмечена {date}.',
    backToComplaint: 'К жалобе {number}'
  },
  complaintRoute: {
    electronic: 'электронно',
    paper: 'письмом'
  }
} as const

/** Names of the core's complaint events in a card's audit trail (keys as in ru.auditAction). */
export const complaintAuditActions = {
  complaint_file: 'Жалоба зарегистрирована',
  complaint_status: 'Статус жалобы изменён',
  complaint_resolve: 'Жалоба решена',
  complaint_sent_on_paper: 'Письмо по жалобе отправлено',
  document_register: 'Внесён поступивший документ'
} as const

export const complaintAuditFields = {
  route: 'Маршрут',
  answersComplaints: 'Отвечает на жалобы'
} as const
