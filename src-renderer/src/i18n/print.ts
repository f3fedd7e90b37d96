// Words of printing, handing over (выдача) and the issuance journal; merged into ru.ts. Same vue-i18n syntax:
// {name} is a value, "a | b | c" are the plural forms for 1, 2–4 and 5+.
export const print = {
  printing: {
    loading: 'Готовим документ…',
    previewTitle: 'Предпросмотр: {title}',
    previewNote: 'Если предпросмотр пуст, сохраните документ в PDF и откройте его.',
    documentNumber: 'Номер документа',
    pages: 'Страниц',
    verificationCode: 'Код проверки',
    reprint: 'Повторная печать',
    request: 'Заявление',
    printer: 'Принтер',
    printersLoading: 'Ищем принтеры…',
    noPrinters: 'В системе нет принтеров. Документ можно сохранить в PDF.',
    printerDefault: 'по умолчанию',
    printerState: {
      idle: 'готов',
      printing: 'печатает',
      disabled: 'отключён'
    },
    printerProblem: 'не печатает',
    refreshPrinters: 'Обновить список принтеров',
    copies: 'Экземпляров',
    print: 'Печать',
    printBusy: 'Отправляем…',
    save: 'Сохранить как PDF',
    sent: 'Документ отправлен на принтер «{printer}» (задание {job}).',
    nowReady: 'Заявление готово к выдаче.',
    readyNote: 'Выписка напечатана',
    issue: 'Выдать…',
    issueHint: 'Когда документ в руках у получателя, запишите выдачу.',
    issueAfterPrint: 'Выдать можно после печати: заявление станет «Готово к выдаче».',
    issued: 'Выдача записана: {name}, {copies} экз.',
    receiptOffer: 'В просмотре — расписка в получении: напечатайте её для подписи на бумаге или для архива.',
    backToCard: 'К карте пациента',
    printExtract: 'Печать выписки',
    reprintExtract: 'Повторная печать',
    requestReceipt: 'Расписка о приёме',
    printCopy: 'Бумажная копия'
  },
  issue: {
    title: 'Выдача документа',
    document: 'Документ',
    documentLine: '{title} № {number}',
    loading: 'Загружаем получателей…',
    recipient: 'Получатель',
    self: 'Пациент: {name}',
    representative: '{name} — {relation}',
    identityDocument: 'Документ, удостоверяющий личность получателя',
    identityHint: 'Сверьте с документом, который предъявлен',
    copies: 'Экземпляров выдано',
    signature: 'Подпись получателя (необязательно)',
    signatureHint: 'Распишитесь мышью, пером или пальцем в рамке',
    clear: 'Очистить',
    undo: 'Убрать последний штрих',
    signatureTooLarge: 'Подпись слишком большая: очистите поле и распишитесь ещё раз',
    noAuthority: 'Получить документ некому: добавьте представителя в карте пациента.',
    submit: 'Выдать',
    busy: 'Записываем выдачу…'
  },
  journal: {
    nav: 'Журнал выдачи',
    title: 'Журнал выдачи',
    from: 'С',
    to: 'По',
    registrar: 'Выдал',
    allRegistrars: 'Все регистраторы',
    show: 'Показать',
    today: 'Сегодня',
    week: '7 дней',
    month: '30 дней',
    total: 'Выдач за период: {n}',
    limited: 'Показаны первые {n}: сузьте период, чтобы увидеть остальные.',
    empty: 'За выбранный период выдач нет.',
    dayCount: '{n} выдача | {n} выдачи | {n} выдач',
    time: 'Время',
    what: 'Документ',
    patient: 'Пациент',
    recipient: 'Получатель',
    copies: 'Экз.',
    signature: 'Подпись',
    signed: 'есть',
    unsigned: 'нет',
    printedBy: 'Выдал',
    code: 'Код проверки',
    representative: 'представитель',
    reprint: 'повторно'
  }
} as const

/** Names of the core's printing events in a card's audit trail (keys as in ru.auditAction). */
export const printAuditActions = {
  print_prepare: 'Документ подготовлен к печати',
  print_send: 'Документ отправлен на принтер',
  print_failed: 'Печать не удалась',
  issuance_record: 'Документ выдан',
  issuance_list: 'Просмотр журнала выдачи'
} as const

/** Details of those events that a person reads (hashes and job ids stay as they are). */
export const printAuditFields = {
  documentNumber: 'Документ',
  printer: 'Принтер',
  copies: 'Экземпляров',
  pages: 'Страниц',
  verificationCode: 'Код проверки',
  reprint: 'Повторная печать',
  recipientKind: 'Получатель',
  receiptNumber: 'Расписка',
  withSignature: 'С подписью',
  printerJobId: 'Задание принтера',
  message: 'Причина'
} as const
