// The patient's card and forms: identity, representatives, consents, visits, documents and issuances.
export const patientMessages = {
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
  }
}
