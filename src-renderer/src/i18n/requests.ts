// Requests for extracts: the form, the statuses' steps and their dialogs.
export const requestMessages = {
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
  }
}
