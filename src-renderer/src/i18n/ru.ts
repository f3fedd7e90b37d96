// Every word the registrar sees, in one place. Messages use vue-i18n syntax: {name} is a value, "a | b | c" are
// the Russian plural forms for 1, 2–4 and 5+. The characters @ { } | are special and must not appear literally.
import { print, printAuditActions, printAuditFields } from './print'
import { scanAuditActions, scanAuditFields, scanMessages } from './scan'
import { complaintAuditActions, complaintAuditFields, complaintMessages } from './complaints'
import { syncMessages } from './sync'
import { importMessages } from './import'
import { reportAuditActions, reportMessages } from './reports'
import { auditMessages, hardeningAuditActions } from './audit'

export const ru = {
  ...print,
  ...scanMessages,
  ...complaintMessages,
  ...syncMessages,
  ...importMessages,
  ...reportMessages,
  ...auditMessages,
  app: {
    title: 'Регистратура',
    loading: 'Загрузка…',
    retry: 'Повторить',
    save: 'Сохранить',
    cancel: 'Отмена',
    open: 'Открыть',
    edit: 'Изменить',
    add: 'Добавить',
    no: 'Нет',
    notSet: 'не указано',
    refresh: 'Обновить'
  },
  nav: {
    desk: 'Стол',
    newPatient: 'Новый пациент',
    settings: 'Настройки',
    lock: 'Заблокировать',
    signOut: 'Выйти'
  },

  status: {
    signedIn: '{name}, {role}',
    workstation: 'Рабочее место: {name}',
    online: 'В сети',
    offline: 'Нет сети',
    noSession: 'Вход не выполнен',
    keys: {
      search: 'F2 поиск',
      newPatient: 'Alt+N новый пациент',
      lock: 'Alt+L блокировка',
      back: 'Esc назад'
    }
  },
  role: {
    registrar: 'регистратор',
    senior_registrar: 'старший регистратор',
    admin: 'администратор',
    auditor: 'аудитор'
  },
  firstRun: {
    title: 'Первый запуск',
    lead: 'В базе этого рабочего места ещё нет клиники. Выберите, с чего начать.',
    demoTitle: 'Демонстрационная клиника',
    demoText:
      'Вымышленные пациенты, посещения, ЭМД и заявления — для обучения и проверки. Пользователи: registrar, senior, admin, auditor; пароль у всех demo1234.',
    demoButton: 'Создать демонстрационную клинику',
    demoBusy: 'Создаём демонстрационную клинику…',
    clinicTitle: 'Новая клиника с администратором',
    clinicText: 'Пустая база: реквизиты клиники и первый пользователь-администратор.',
    workstationName: 'Название рабочего места',
    workstationHint: 'Например: Регистратура, окно 1',
    adminLogin: 'Логин администратора',
    adminName: 'ФИО администратора',
    adminPassword: 'Пароль (не короче 8 символов)',
    adminPasswordAgain: 'Пароль ещё раз',
    passwordsDiffer: 'Пароли не совпадают',
    clinicButton: 'Создать клинику'
  },
  signIn: {
    title: 'Вход',
    login: 'Логин',
    password: 'Пароль',
    submit: 'Войти',
    busy: 'Вход…'
  },
  lock: {
    title: 'Рабочее место заблокировано',
    lead: '{name} ({role}). Введите пароль, чтобы продолжить.',
    password: 'Пароль',
    submit: 'Разблокировать',
    otherUser: 'Войти другим пользователем'
  },
  desk: {
    searchLabel: 'Поиск пациента',
    searchPlaceholder: 'ФИО, дата рождения, СНИЛС, ЕНП, паспорт или номер заявления',
    searchHint: 'Стрелки — выбор, Enter — открыть, Esc — очистить',
    nothingFound: 'Никого не нашли. Проверьте написание или создайте нового пациента (Alt+N).',
    typeMore: 'Введите хотя бы две буквы или цифры',
    queueTitle: 'Очередь заявлений',
    queueEmpty: 'Нет заявлений со сроком сегодня или раньше. Очередь пуста.',
    queueHint: 'Сначала просроченные, затем по сроку',
    due: 'Срок',
    number: 'Номер',
    request: 'Заявление и пациент',
    status: 'Статус'
  },
  matchedBy: {
    snils: 'по СНИЛС',
    enp: 'по ЕНП',
    passport: 'по паспорту',
    request: 'по заявлению {number}',
    name: 'по ФИО',
    name_fuzzy: 'похожее ФИО',
    birth_date: 'по дате рождения'
  },
  urgency: {
    overdue: 'просрочено на {n} раб. дн.',
    overdueNoCount: 'просрочено',
    today: 'срок сегодня',
    soon: 'через {n} раб. дн.',
    later: 'через {n} раб. дн.'
  },
  requestStatus: {
    accepted: 'Принято',
    processing: 'В обработке',
    approved: 'Одобрено',
    ready: 'Готово к выдаче',
    issued: 'Выдано',
    refused: 'Отказано',
    cancelled: 'Отменено'
  },
  transitionAction: {
    processing: 'Взять в обработку',
    approved: 'Одобрить',
    ready: 'Готово к выдаче',
    issued: 'Выдать',
    refused: 'Отказать…',
    cancelled: 'Отменить заявление…',
    accepted: 'Вернуть в «Принято»'
  },
  refusalReason: {
    incomplete_data: 'Неполные данные',
    no_consent: 'Нет согласия',
    inactive_policy: 'Полис ОМС неактивен',
    no_authority: 'Нет полномочий',
    no_records: 'Нет записей за период',
    technical: 'Технические причины'
  },
  patient: {
    lastName: 'Фамилия',
    firstName: 'Имя',
    middleName: 'Отчество',
    sex: 'Пол',
    birthDate: 'Дата рождения',
    age: '{n} год | {n} года | {n} лет',
    snils: 'СНИЛС',
    enp: 'ЕНП (полис ОМС)',
    enpShort: 'ЕНП',
    insurer: 'Страховая организация',
    document: 'Документ, удостоверяющий личность',
    docKind: 'Вид документа',
    docSeries: 'Серия',
    docNumber: 'Номер',
    address: 'Адрес',
    phone: 'Телефон',
    email: 'Электронная почта',
    attachedOrg: 'Прикреплён к',
    paperCard: 'Бумажная карта ведётся по заявлению пациента',
    paperCardShort: 'Бумажная карта',
    mergedInto: 'Эта карта объединена с другой. Все сведения — в карте',
    mergedFrom: 'В эту карту объединены: {names}',
    redirected: 'Открытая карта была объединена с этой — показана основная карта.',
    underFifteen: 'Нет 15 лет: документы получает законный представитель'
  },
  // Field names as the core reports changed fields in the audit trail.
  patientField: {
    lastName: 'фамилия',
    firstName: 'имя',
    middleName: 'отчество',
    sex: 'пол',
    birthDate: 'дата рождения',
    snils: 'СНИЛС',
    enp: 'ЕНП',
    insurer: 'страховая',
    docKind: 'вид документа',
    docSeries: 'серия',
    docNumber: 'номер документа',
    address: 'адрес',
    phone: 'телефон',
    email: 'почта',
    attachedOrgId: 'прикрепление',
    paperCard: 'бумажная карта'
  },
  sex: { M: 'мужской', F: 'женский' },
  docKind: {
    passport: 'Паспорт гражданина РФ',
    birth_certificate: 'Свидетельство о рождении',
    foreign_passport: 'Паспорт иностранного гражданина',
    other: 'Другой документ'
  },
  card: {
    newRequest: 'Новое заявление',
    editPatient: 'Изменить данные',
    identityWarnings: 'Проверьте данные пациента',
    tabs: {
      overview: 'Сведения',
      representatives: 'Представители',
      consents: 'Согласия',
      visits: 'Посещения',
      documents: 'ЭМД',
      requests: 'Заявления',
      issuances: 'Выдачи',
      complaints: 'Жалобы',
      audit: 'Журнал'
    },
    empty: {
      representatives: 'Представителей нет.',
      consents: 'Согласий нет.',
      visits: 'Посещений нет.',
      documents: 'Электронных медицинских документов нет.',
      requests: 'Заявлений нет.',
      issuances: 'Документы не выдавались.',
      complaints: 'Жалоб нет.',
      audit: 'Событий нет.'
    }
  },
  duplicates: {
    onCardTitle: 'Похоже, это тот же человек, что и в другой карте',
    reason: {
      same_snils: 'тот же СНИЛС',
      same_enp: 'тот же ЕНП',
      same_name_and_birth_date: 'те же ФИО и дата рождения'
    },
    merge: 'Объединить…',
    askSenior: 'Объединить карты может старший регистратор.',
    mergeTitle: 'Объединение карт',
    mergeLead:
      'Заявления, представители, посещения и ЭМД окажутся в одной карте. Ничего не удаляется: вторая карта станет ссылкой на первую.',
    keepOther: 'Оставить карту {name} ({date}), эту присоединить к ней',
    keepThis: 'Оставить эту карту, карту {name} ({date}) присоединить к ней',
    mergeConfirm: 'Объединить карты',
    formTitle: 'Такой пациент, возможно, уже есть',
    formLead:
      'Откройте найденную карту, если это тот же человек. Новую карту создавайте, только если это другой человек.',
    formSameId: 'Карта с таким СНИЛС или ЕНП уже есть — создать вторую нельзя. Откройте найденную карту.',
    createAnyway: 'Это другой человек — создать карту'
  },
  patientForm: {
    createTitle: 'Новый пациент',
    editTitle: 'Изменить данные пациента',
    identity: 'Личность',
    identifiers: 'СНИЛС и полис',
    documentSection: 'Документ',
    contacts: 'Адрес и связь',
    create: 'Создать карту',
    snilsPlaceholder: '000-000-000 00',
    enpPlaceholder: '16 цифр',
    noOrg: '— не выбрано —',
    noDocKind: '— не выбрано —',
    fixErrors: 'Исправьте отмеченные поля',
    escHint: 'Esc — назад без сохранения'
  },
  representatives: {
    fullName: 'ФИО',
    relation: 'Основание',
    identityDocument: 'Документ, удостоверяющий личность',
    authorityDocument: 'Документ о полномочиях',
    poaNumber: 'Номер доверенности',
    poaDate: 'Дата доверенности',
    poaValidUntil: 'Действует до',
    poaNotarised: 'Нотариальная',
    poa: '№ {number} от {date}',
    authority: 'Полномочия сегодня',
    add: 'Добавить представителя',
    addTitle: 'Новый представитель'
  },
  relation: { parent: 'Родитель', guardian: 'Опекун', proxy: 'По доверенности' },
  consents: {
    kind: 'Согласие',
    givenOn: 'Дано',
    withdrawnOn: 'Отозвано',
    active: 'действует',
    record: 'Записать согласие',
    withdraw: 'Отозвать',
    date: 'Дата'
  },
  consentKind: {
    personal_data: 'На обработку персональных данных',
    medical_exchange: 'На обмен медицинскими данными'
  },
  visits: {
    date: 'Дата',
    doctorAndOrganisation: 'Врач, организация',
    diagnosis: 'Диагноз (МКБ-10)',
    services: 'Услуги',
    cost: 'Стоимость для ОМС',
    prescriptions: 'Назначения',
    recommendations: 'Рекомендации'
  },
  careKind: {
    outpatient: 'Амбулаторно',
    inpatient: 'Стационар',
    day_hospital: 'Дневной стационар',
    emergency: 'Скорая помощь'
  },
  documents: {
    number: '№ {number} от {date}',
    author: 'Автор',
    replaces: 'Заменяет предыдущую версию',
    signatures: 'Электронные подписи',
    signer: 'Подписант',
    certificate: 'Сертификат',
    validity: 'Действует',
    signedAt: 'Подписано',
    noSignatures: 'Документ не подписан',
    content: 'Содержание'
  },
  issuances: {
    what: 'Документ',
    printedAt: 'Напечатан',
    printedBy: 'Выдал',
    copies: 'Экз.',
    recipient: 'Получатель',
    recipientDocument: 'Документ получателя',
    reprint: 'повторно'
  },
  complaints: {
    number: 'Номер',
    kind: 'Вид',
    status: 'Статус',
    registeredOn: 'Зарегистрирована',
    due: 'Срок',
    description: 'Суть'
  },
  complaintKind: {
    missing_document: 'Документ не пришёл',
    discrepancy: 'Расхождение бумажной и электронной версий'
  },
  complaintStatus: {
    registered: 'Зарегистрирована',
    forwarded: 'Передана',
    in_review: 'На рассмотрении',
    resolved: 'Решена',
    rejected: 'Отклонена'
  },
  audit: {
    at: 'Когда',
    who: 'Кто',
    action: 'Действие',
    details: 'Подробности',
    system: 'система'
  },
  // Keys are the core's action codes with dots as underscores ('request.reopen' → request_reopen).
  auditAction: {
    ...printAuditActions,
    ...scanAuditActions,
    ...complaintAuditActions,
    ...reportAuditActions,
    ...hardeningAuditActions,
    access_denied: 'Отказано в доступе',
    audit_read: 'Просмотр журнала',
    auth_sign_in: 'Вход',
    auth_sign_in_failed: 'Неудачный вход',
    auth_sign_out: 'Выход',
    auth_unlock_failed: 'Неудачная разблокировка',
    consent_record: 'Согласие записано',
    consent_withdraw: 'Согласие отозвано',
    patient_create: 'Карта создана',
    patient_merge: 'В карту объединена другая',
    patient_merged_into: 'Карта объединена с другой',
    patient_read: 'Просмотр карты',
    patient_update: 'Данные пациента изменены',
    representative_add: 'Добавлен представитель',
    request_create: 'Заявление принято',
    request_reopen: 'Заявление возвращено в работу',
    request_status: 'Статус заявления изменён',
    settings_update: 'Настройки изменены',
    system_setup: 'Клиника создана',
    user_create: 'Пользователь добавлен',
    user_password_reset: 'Пароль пользователя изменён',
    user_update: 'Пользователь изменён'
  },
  auditField: {
    ...printAuditFields,
    ...scanAuditFields,
    ...complaintAuditFields,
    number: 'Заявление',
    kind: 'Вид',
    channel: 'Поступило',
    dueDate: 'Срок',
    from: 'Из статуса',
    to: 'В статус',
    reason: 'Причина',
    fields: 'Поля',
    filledFields: 'Дополнены поля',
    relation: 'Основание',
    login: 'Логин',
    role: 'Роль'
  },
  request: {
    title: 'Заявление {number}',
    kind: 'Вид выписки',
    period: 'Период',
    periodFrom: 'С',
    periodTo: 'По',
    purpose: 'Цель получения',
    applicant: 'Заявитель',
    applicantSelf: 'Пациент сам',
    applicantRepresentative: 'Представитель',
    representative: 'Представитель пациента',
    chooseRepresentative: '— выберите представителя —',
    noRepresentatives: 'У пациента нет представителей. Добавьте их в карте, вкладка «Представители».',
    channel: 'Как поступило',
    delivery: 'Как выдать',
    urgent: 'Срочно',
    urgentHint: 'Срок — 1 рабочий день',
    registeredOn: 'Принято',
    due: 'Срок',
    status: 'Статус',
    refusalReason: 'Причина отказа',
    history: 'История',
    historyFrom: 'Из',
    historyTo: 'В',
    historyWhen: 'Когда',
    historyWho: 'Кто',
    historyNote: 'Причина, примечание',
    newTitle: 'Новое заявление на выписку',
    patientLabel: 'Пациент',
    submit: 'Принять заявление',
    authorityChecking: 'Проверяем полномочия…',
    authorityBlocked: 'Заявление не может подать этот заявитель',
    actions: 'Действия',
    finished: 'Заявление завершено.',
    reopen: 'Вернуть в работу…',
    openPatient: 'Карта пациента',
    purposeSuggestions: [
      'По месту требования',
      'Для санаторно-курортного лечения',
      'Для медико-социальной экспертизы',
      'Для военного комиссариата',
      'Для образовательной организации',
      'Для консультации в другой медицинской организации'
    ]
  },
  requestKind: { full: 'Полная', brief: 'Краткая' },
  channel: { portal_qr: 'С портала (QR-код)', in_person: 'Лично в регистратуре', post: 'Почтой' },
  delivery: { in_person: 'Лично в регистратуре', post: 'Почтой', portal: 'На портал' },
  refuse: {
    title: 'Отказ по заявлению {number}',
    reason: 'Причина отказа',
    chooseReason: '— выберите причину —',
    note: 'Пояснение для заявителя',
    confirm: 'Отказать',
    needReason: 'Выберите причину отказа'
  },
  cancelRequest: {
    title: 'Отменить заявление {number}?',
    lead: 'Отмена завершает заявление; вернуть его сможет только старший регистратор.',
    note: 'Примечание',
    confirm: 'Отменить заявление'
  },
  reopen: {
    title: 'Вернуть заявление {number} в работу',
    lead: 'Возврат записывается в журнал с вашим именем и причиной.',
    to: 'Вернуть в статус',
    reason: 'Причина возврата (не короче 5 символов)',
    confirm: 'Вернуть'
  },
  settings: {
    title: 'Настройки',
    clinic: 'Клиника',
    clinicName: 'Полное название',
    clinicShortName: 'Краткое название',
    clinicAddress: 'Адрес',
    ogrn: 'ОГРН',
    region: 'Регион',
    portalData: 'Данные региона поступают на портал',
    noPortalData: 'Данные региона на портал не поступают: единственный источник — база клиники',
    clinicPhone: 'Телефон',
    idle: 'Блокировка',
    idleMinutes: 'Блокировать после бездействия, минут',
    deadlines: 'Сроки, рабочих дней',
    deadlinePortal: 'Заявление с портала',
    deadlineInstitution: 'Заявление в клинике',
    deadlineUrgent: 'Срочное заявление',
    deadlineDiscrepancy: 'Проверка расхождения',
    deadlineMissing: 'Документ не пришёл',
    deadlineCeiling: 'Предел для выписки, календарных дней',
    saved: 'Настройки сохранены',
    users: 'Пользователи',
    login: 'Логин',
    fullName: 'ФИО',
    role: 'Роль',
    active: 'Активен',
    blocked: 'отключён',
    newUser: 'Новый пользователь',
    createUser: 'Добавить пользователя',
    password: 'Пароль',
    resetPassword: 'Новый пароль (пусто — не менять)',
    passwordChanged: 'Пароль изменён',
    editUser: 'Пользователь {login}'
  },
  errors: {
    noSecret: 'Нет ключа запуска. Откройте адрес, который напечатал сервер при старте.',
    hostDown: 'Сервер рабочего места не отвечает. Проверьте, что он запущен.',
    hostGarbled: 'Сервер рабочего места ответил непонятно (код {status}).',
    noCore: 'Нет связи с ядром рабочего места. Повторите действие.',
    uiFault:
      'Ошибка в программе рабочего места. Повторите действие; если не выйдет — сообщите администратору.'
  },
  validation: {
    required: 'Заполните поле',
    sex: 'Укажите пол',
    date: 'Введите дату как дд.мм.гггг, например 05.03.1980',
    birthDateRequired: 'Укажите дату рождения',
    dateOrder: 'Начало периода позже его конца'
  }
} as const

export type Messages = typeof ru
