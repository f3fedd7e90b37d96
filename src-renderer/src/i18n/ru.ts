// Every word the registrar sees, in one place. Messages use vue-i18n syntax: {name} is a value, "a | b | c" are
// the Russian plural forms for 1, 2–4 and 5+. The characters @ { } | are special and must not appear literally.
import { print, printAuditActions, printAuditFields } from './print'
import { scanAuditActions, scanAuditFields, scanMessages } from './scan'
import { complaintAuditActions, complaintAuditFields, complaintMessages } from './complaints'
import { syncMessages } from './sync'
import { importMessages } from './import'
import { reportAuditActions, reportMessages } from './reports'
import { auditMessages, hardeningAuditActions } from './audit'
import { patientMessages } from './patients'
import { requestMessages } from './requests'

export const ru = {
  ...print,
  ...scanMessages,
  ...complaintMessages,
  ...syncMessages,
  ...importMessages,
  ...reportMessages,
  ...auditMessages,
  ...patientMessages,
  ...requestMessages,
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
