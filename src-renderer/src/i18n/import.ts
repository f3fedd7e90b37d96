// Words of the import from the clinic's МИС. Merged into ru.ts; the same vue-i18n rules apply (no literal @ braces or
// vertical bar).
export const importMessages = {
  import: {
    nav: 'Импорт из МИС',
    title: 'Импорт из МИС',
    lead: 'Пациенты, посещения с услугами, ЭМД с подписями и заявления из выгрузки медицинской информационной системы: наш формат JSON или пакет FHIR R4. Сначала файл проверяется — в базу ничего не пишется, пока вы не нажмёте «Загрузить». Повторная загрузка того же файла ничего не дублирует.',
    file: 'Файл выгрузки (JSON или пакет FHIR R4)',
    system: 'Система-источник',
    systemHint: 'Только для пакета FHIR без Bundle.meta.source: короткое латинское имя, например mis-gp240',
    systemInvalid: 'От 2 до 40 строчных латинских букв, цифр, «-» или «_»',
    chooseFile: 'Выберите файл выгрузки',
    emptyFile: 'Файл пуст',
    notUtf8: 'Файл не в кодировке UTF-8: выгрузите его из МИС в UTF-8 или выберите другой файл',
    check: 'Проверить файл',
    sending: 'Передача файла «{name}»',
    sent: '{done} из {total}',
    checking: 'Проверка',
    importing: 'Загрузка',
    progress: '{section}: {done} из {total}',
    progressStarting: 'Чтение файла…',
    cancel: 'Отменить',
    cancelling: 'Останавливаем после текущей порции строк…',
    commit: 'Загрузить',
    another: 'Другой файл',
    uploadCancelled: 'Передача файла отменена, в базу ничего не записано.',
    checkCancelled: 'Проверка остановлена, в базу ничего не записано.',
    checkedTitle: 'Результат проверки',
    resultTitle: 'Итог импорта',
    checkedLead: 'Проверено строк: {rows}. Это только проверка: в базу ничего не записано.',
    checkedNothing: 'В файле нечего загружать: все строки уже есть в базе без изменений или отклонены.',
    done: 'Импорт завершён за {seconds} с: обработано строк {rows}.',
    cancelled:
      'Импорт отменён: обработано строк {done} из {total}. Записанное до отмены сохранено, остальное не загружено; повторная загрузка файла продолжит с того же места без дублей.',
    failedRun: 'Импорт прерван: {reason}',
    source: 'Источник: {system}, формат {format}',
    exportedAt: 'выгрузка от {date}',
    formats: {
      'registrar-import': 'JSON регистратуры',
      'fhir-r4': 'FHIR R4'
    },
    section: 'Раздел',
    sections: {
      patients: 'Пациенты',
      visits: 'Посещения',
      documents: 'Документы (ЭМД)',
      requests: 'Заявления'
    },
    total: 'Всего',
    counts: {
      new: 'Новых',
      updated: 'Изменится',
      unchanged: 'Без изменений',
      rejected: 'Отклонено'
    },
    countsDone: {
      new: 'Добавлено',
      updated: 'Изменено',
      unchanged: 'Без изменений',
      rejected: 'Отклонено'
    },
    errors: 'Ошибки в строках',
    errorsNone: 'Ошибок в строках нет.',
    errorsMore: 'Показаны первые {shown} из {total}.',
    errorsRejected: 'Строки с ошибками не будут загружены; остальные загрузятся.',
    warnings: 'Предупреждения',
    row: 'Строка',
    sourceId: 'id в МИС',
    message: 'Ошибка',
    warning: 'Предупреждение',
    answered: 'Открытые жалобы, на которые отвечает файл',
    answeredLead: 'Документы из файла отвечают на эти жалобы. Подтвердите ответ в карточке жалобы.',
    answeredRow: 'Жалоба {complaint}: документ {document} (строка {position})',
    noRights: 'Импорт доступен старшему регистратору и администратору.'
  }
}
