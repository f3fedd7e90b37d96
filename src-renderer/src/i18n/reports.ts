// Words of the reports screen; merged into ru.ts. Same vue-i18n syntax: {name} is a value, "a | b | c" are the
// plural forms for 1, 2–4 and 5+.
export const reportMessages = {
  reports: {
    nav: 'Отчёты',
    title: 'Отчёты',
    from: 'С',
    to: 'По',
    show: 'Показать',
    today: 'Сегодня',
    week: 'Эта неделя',
    month: 'Этот месяц',
    kinds: 'Вид отчёта',
    kind: {
      issuances: 'Выдача документов',
      requests: 'Заявления',
      complaints: 'Жалобы'
    },
    period: 'Период: {period}',
    export: 'Выгрузить',
    exportPdf: 'PDF',
    exportXlsx: 'XLSX',
    exportCsv: 'CSV',
    exported: 'Выгружен файл «{name}».',
    noData: 'Нет данных за период',
    count: 'Количество',
    total: 'Итого',
    issuances: {
      total: 'Выдано документов',
      copies: 'Экземпляров',
      byDay: 'По дням',
      byRegistrar: 'По регистраторам',
      date: 'Дата',
      documents: 'Документов',
      registrar: 'Регистратор',
      chartDays: 'Выдача документов по дням'
    },
    requests: {
      total: 'Зарегистрировано заявлений',
      overdue: 'Просрочено на {date}',
      issued: 'Выдано за период',
      issuedLate: 'Из них позже срока',
      median: 'Медиана от заявления до выдачи',
      medianValue: '{days} кал. дн. · {business} раб. дн.',
      byStatus: 'По статусам',
      status: 'Статус',
      overdueList: 'Просроченные заявления',
      overdueListLimited: 'Просроченные заявления: первые {shown} из {total}',
      number: 'Номер',
      registeredOn: 'Зарегистрировано',
      dueDate: 'Срок',
      daysOverdue: 'Просрочка, раб. дней',
      chartStatus: 'Заявления по статусам'
    },
    complaints: {
      total: 'Зарегистрировано жалоб',
      overdue: 'Просрочено на {date}',
      byStatus: 'По статусам',
      byKind: 'По видам',
      byRegion: 'По регионам',
      byOrganisation: 'По медицинским организациям',
      status: 'Статус',
      kind: 'Вид',
      region: 'Регион',
      organisation: 'Организация',
      chartStatus: 'Жалобы по статусам',
      chartRegion: 'Жалобы по регионам'
    }
  }
}

export const reportAuditActions = {
  report_export: 'Выгружен отчёт'
} as const
