// Words of scanning: the camera dialog, what a scan led to, the USB scanner's settings and the trusted keys. Merged
// into ru.ts; the same vue-i18n rules apply (no literal @ braces or vertical bar).
export const scanMessages = {
  scan: {
    openCamera: 'Сканировать QR-код',
    statusKey: 'F4 QR-код',
    deskHint: 'USB-сканер можно подносить в любой момент: код распознаётся, где бы ни стоял курсор.',
    busy: 'Проверяем код…',
    registered: 'Заявление зарегистрировано по QR-коду',
    closeNotice: 'Скрыть сообщение',
    close: 'Закрыть',
    again: 'Сканировать снова',
    camera: {
      title: 'Сканирование QR-кода',
      loading: 'Запускаем камеру…',
      aim: 'Поднесите QR-код к камере так, чтобы он целиком попал в рамку.',
      choose: 'Камера',
      unnamed: 'Камера {n}',
      noCamera: 'Камера не найдена. Подключите веб-камеру или используйте USB-сканер.',
      denied:
        'Нет разрешения на камеру. Разрешите программе доступ к камере в настройках системы и откройте окно снова.',
      busy: 'Камера занята другой программой (например, видеосвязью). Закройте её и попробуйте снова.',
      unsupported: 'На этом компьютере программа не может обратиться к камере. Используйте USB-сканер.',
      failed: 'Камера не запустилась. Выберите другую камеру или используйте USB-сканер.',
      retry: 'Попробовать снова',
      manualLabel: 'Или введите текст кода, номер заявления, СНИЛС или ЕНП',
      manualSubmit: 'Проверить',
      scannerSettings: 'Настройка USB-сканера'
    },
    refused: {
      title: 'QR-код не принят'
    },
    needsPatient: {
      title: 'Заявление № {number} по QR-коду',
      fromCode: 'Данные из кода',
      fullName: 'ФИО',
      birthDate: 'Дата рождения',
      snils: 'СНИЛС',
      enp: 'ЕНП',
      kind: 'Выписка',
      period: 'Период',
      issuer: 'Издатель кода',
      validUntil: 'Код действителен до',
      candidates: 'Карта пациента',
      candidate: '{name}, {birth}',
      register: 'Зарегистрировать для выбранного пациента',
      representative: 'Законный представитель',
      chooseRepresentative: 'Выберите представителя',
      noRepresentatives:
        'У пациента нет представителя с подтверждёнными полномочиями: добавьте его в карте пациента.',
      createTitle: 'Новая карта по данным кода',
      createLead:
        'Карта получит ФИО, дату рождения, СНИЛС и ЕНП из кода. Пол и документ укажите по паспорту.',
      sex: 'Пол',
      docKind: 'Документ, удостоверяющий личность',
      docSeries: 'Серия',
      docNumber: 'Номер',
      checked: 'Документ проверен: ФИО и дата рождения совпадают с кодом',
      create: 'Создать карту по данным кода',
      needSex: 'Укажите пол',
      needCheck: 'Сначала проверьте документ пациента и отметьте это',
      needCandidate: 'Выберите пациента',
      needRepresentative: 'Выберите представителя',
      registrarOnly: 'Зарегистрировать заявление по коду может регистратор.'
    }
  },
  verification: {
    title: 'Проверка документа по QR-коду',
    status: {
      authentic: 'Подлинный',
      altered: 'Изменён',
      unknown: 'Неизвестен',
      revoked: 'Отозван'
    },
    documentNumber: 'Номер документа',
    documentTitle: 'Документ',
    issuer: 'Выдал',
    printedAt: 'Напечатан'
  },
  scanner: {
    title: 'Сканер',
    lead: 'USB-сканер, который печатает как клавиатура и заканчивает код клавишей Enter, узнаётся по скорости набора в любом поле. Настройки хранятся на этом компьютере.',
    maxGap: 'Наибольший промежуток между символами, мс',
    maxGapHint: 'Сканер печатает символ за 1–20 мс, человек — за 80 мс и дольше',
    minLength: 'Символов в коде не меньше',
    minLengthHint: 'СНИЛС — 11 цифр, ЕНП — 16, QR-код заявления — около 240 символов',
    outOfRange: 'От {min} до {max}',
    save: 'Сохранить настройки сканера',
    defaults: 'Как по умолчанию',
    saved: 'Сохранено для этого рабочего места',
    testTitle: 'Проверьте сканер',
    testField: 'Поле для проверки',
    testPlaceholder: 'Поставьте курсор сюда и отсканируйте любой код',
    testIdle:
      'Пока ничего не отсканировано. Пока открыт этот экран, коды не открываются, а показываются здесь.',
    recognised: 'Распознано как сканер: {what}, символов: {length}, самый долгий промежуток {gap} мс',
    tooSlow: 'Не сканер: промежуток {gap} мс длиннее порога {max} мс — так печатает человек',
    tooShort: 'Не сканер: символов {length}, а нужно не меньше {min}',
    what: {
      request: 'QR-код заявления',
      verification: 'QR-код документа',
      snils: 'СНИЛС',
      enp: 'ЕНП',
      requestNumber: 'номер заявления',
      complaintNumber: 'номер жалобы',
      other: 'код неизвестного вида'
    }
  },
  scanSource: { camera: 'камера', scanner: 'USB-сканер', keyboard: 'введён вручную' },
  scanOutcome: {
    patient: 'открыта карта',
    request: 'открыто заявление',
    complaint: 'открыта жалоба',
    requestNeedsPatient: 'нужно выбрать пациента',
    verification: 'проверка документа',
    refused: 'код не принят',
    request_registered: 'заявление зарегистрировано по коду'
  },
  trustedKeys: {
    title: 'Доверенные ключи QR-кодов',
    lead: 'Этими ключами проверяются подписи заявлений с портала и документов других клиник.',
    issuer: 'Издатель',
    kind: 'Вид',
    keyId: 'Ключ',
    added: 'Добавлен',
    state: 'Состояние',
    kinds: { clinic: 'Наша клиника', portal: 'Портал', other_clinic: 'Другая клиника' },
    active: 'действует',
    revokedOn: 'отозван {date}',
    own: 'наш ключ: передайте открытую часть клиникам, которые будут проверять наши документы',
    revoke: 'Отозвать',
    revokeTitle: 'Отозвать ключ «{name}»?',
    revokeLead:
      'Заявления, подписанные этим ключом, перестанут приниматься, а документы при проверке будут «отозванными». Отменить отзыв нельзя.',
    revokeConfirm: 'Отозвать ключ',
    addTitle: 'Добавить ключ',
    addName: 'Название издателя',
    addKey: 'Открытый ключ Ed25519 (43 символа base64url)',
    add: 'Добавить ключ',
    addedNotice: 'Ключ «{name}» добавлен',
    empty: 'Ключей нет.'
  }
} as const

/** Audit events of scanning and of the trusted keys, as the card's journal names them. */
export const scanAuditActions = {
  scan: 'Сканирование кода',
  key_trust: 'Ключ QR-кодов добавлен в доверенные',
  key_revoke: 'Ключ QR-кодов отозван'
} as const

export const scanAuditFields = {
  source: 'Источник',
  outcome: 'Итог',
  registered: 'Зарегистрировано по коду',
  status: 'Проверка',
  issuerName: 'Издатель',
  code: 'Ошибка',
  length: 'Символов'
} as const
