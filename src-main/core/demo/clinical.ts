// What demo visits look like: a specialty, the diagnoses it sees, the service it bills (Номенклатура медицинских
// услуг, приказ Минздрава № 804н), and what a doctor writes.
export interface VisitTemplate {
  specialty: string
  doctorRole: string
  adults: boolean
  children: boolean
  diagnoses: readonly string[]
  service: readonly [code: string, name: string]
  costKopecks: number
  prescriptions: readonly string[]
  recommendations: readonly string[]
}

export const visitTemplates: readonly VisitTemplate[] = [
  {
    specialty: 'therapist',
    doctorRole: 'врач-терапевт участковый',
    adults: true,
    children: false,
    diagnoses: ['J06.9', 'I10', 'I11.9', 'K29.7', 'M54.5', 'E11.9', 'J20.9', 'E78.0', 'I25.1'],
    service: ['B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный'],
    costKopecks: 168_540,
    prescriptions: [
      'Амлодипин 5 мг 1 раз в день',
      'Метформин 1000 мг 2 раза в день',
      'Омепразол 20 мг утром натощак',
      'Парацетамол 500 мг при температуре выше 38,5 °C'
    ],
    recommendations: [
      'Контроль АД дважды в день, дневник',
      'Диета с ограничением соли',
      'Явка через 14 дней',
      'Общий анализ крови, биохимия крови'
    ]
  },
  {
    specialty: 'pediatrician',
    doctorRole: 'врач-педиатр участковый',
    adults: false,
    children: true,
    diagnoses: ['J06.9', 'J02.9', 'A08.4', 'J20.9', 'H66.9', 'L20.8'],
    service: ['B01.031.001', 'Прием (осмотр, консультация) врача-педиатра первичный'],
    costKopecks: 152_210,
    prescriptions: [
      'Обильное тёплое питьё',
      'Ибупрофен суспензия по весу при температуре',
      'Регидрон по схеме',
      'Эмоленты 2 раза в день'
    ],
    recommendations: ['Домашний режим 5 дней', 'Повторный осмотр через 3 дня', 'Вызов врача при ухудшении']
  },
  {
    specialty: 'neurologist',
    doctorRole: 'врач-невролог',
    adults: true,
    children: false,
    diagnoses: ['M54.5', 'M42.1', 'G44.2', 'G43.9', 'M54.2'],
    service: ['B01.023.001', 'Прием (осмотр, консультация) врача-невролога первичный'],
    costKopecks: 191_430,
    prescriptions: ['Мелоксикам 7,5 мг 1 раз в день 5 дней', 'Толперизон 150 мг 3 раза в день'],
    recommendations: [
      'ЛФК, избегать подъёма тяжестей',
      'МРТ пояснично-крестцового отдела',
      'Явка через 10 дней'
    ]
  },
  {
    specialty: 'ophthalmologist',
    doctorRole: 'врач-офтальмолог',
    adults: true,
    children: true,
    diagnoses: ['H52.1', 'H10.9', 'H40.1', 'H25.9'],
    service: ['B01.029.001', 'Прием (осмотр, консультация) врача-офтальмолога первичный'],
    costKopecks: 143_800,
    prescriptions: ['Очковая коррекция по рецепту', 'Капли тобрамицин 4 раза в день 7 дней'],
    recommendations: ['Контроль внутриглазного давления через 3 месяца', 'Гимнастика для глаз']
  },
  {
    specialty: 'surgeon',
    doctorRole: 'врач-хирург',
    adults: true,
    children: true,
    diagnoses: ['S93.4', 'L02.4', 'S61.0', 'K40.9'],
    service: ['B01.057.001', 'Прием (осмотр, консультация) врача-хирурга первичный'],
    costKopecks: 159_900,
    prescriptions: ['Перевязки через день', 'Кеторолак 10 мг при боли, не более 5 дней'],
    recommendations: ['Покой конечности, эластичный бинт', 'Явка на перевязку через 2 дня']
  },
  {
    specialty: 'cardiologist',
    doctorRole: 'врач-кардиолог',
    adults: true,
    children: false,
    diagnoses: ['I10', 'I11.9', 'I25.1', 'I48.9', 'I20.8'],
    service: ['B01.015.001', 'Прием (осмотр, консультация) врача-кардиолога первичный'],
    costKopecks: 204_650,
    prescriptions: [
      'Бисопролол 5 мг утром',
      'Аторвастатин 20 мг вечером',
      'Ацетилсалициловая кислота 100 мг'
    ],
    recommendations: [
      'ЭКГ и суточное мониторирование',
      'Липидный спектр через 6 недель',
      'Диспансерное наблюдение'
    ]
  },
  {
    specialty: 'endocrinologist',
    doctorRole: 'врач-эндокринолог',
    adults: true,
    children: true,
    diagnoses: ['E11.9', 'E03.9', 'E66.0', 'E04.1'],
    service: ['B01.058.001', 'Прием (осмотр, консультация) врача-эндокринолога первичный'],
    costKopecks: 198_300,
    prescriptions: ['Левотироксин 50 мкг утром натощак', 'Метформин 850 мг 2 раза в день'],
    recommendations: ['ТТГ через 6 недель', 'Гликированный гемоглобин через 3 месяца', 'Школа диабета']
  },
  {
    specialty: 'otorhinolaryngologist',
    doctorRole: 'врач-оториноларинголог',
    adults: true,
    children: true,
    diagnoses: ['J32.9', 'H66.9', 'J35.0', 'J31.0', 'J02.9'],
    service: ['B01.028.001', 'Прием (осмотр, консультация) врача-оториноларинголога первичный'],
    costKopecks: 147_120,
    prescriptions: ['Промывание носа солевым раствором', 'Мометазон спрей 2 дозы 1 раз в день'],
    recommendations: ['Повторный осмотр через 7 дней', 'Аудиометрия']
  }
]

export const documentTemplates: readonly { kind: string; title: string; body: (dx: string) => string }[] = [
  {
    kind: 'protocol-consultation',
    title: 'Протокол консультации',
    body: (dx) =>
      `Жалобы и анамнез собраны. Объективно: состояние удовлетворительное.\nДиагноз: ${dx}.\nНазначено лечение, даны рекомендации.`
  },
  {
    kind: 'protocol-lab',
    title: 'Протокол лабораторного исследования: общий анализ крови',
    body: () =>
      'Гемоглобин 138 г/л (130–160)\nЛейкоциты 6,2 ×10⁹/л (4,0–9,0)\nТромбоциты 241 ×10⁹/л (180–320)\nСОЭ 8 мм/ч (2–15)'
  },
  {
    kind: 'protocol-instrumental',
    title: 'Протокол инструментального исследования: ЭКГ',
    body: () =>
      'Ритм синусовый, ЧСС 72 в минуту. Электрическая ось сердца не отклонена. Патологических изменений не выявлено.'
  },
  {
    kind: 'referral-consultation',
    title: 'Направление на консультацию',
    body: (dx) =>
      `Направляется на консультацию к специалисту.\nДиагноз при направлении: ${dx}.\nЦель: уточнение диагноза и тактики лечения.`
  },
  {
    kind: 'referral-hospitalisation',
    title: 'Направление на госпитализацию',
    body: (dx) =>
      `Направляется на плановую госпитализацию.\nДиагноз: ${dx}.\nРезультаты обследований прилагаются.`
  },
  {
    kind: 'dispensary-results',
    title: 'Результаты диспансеризации',
    body: () =>
      'Группа здоровья: II. Факторы риска: избыточная масса тела. Рекомендовано диспансерное наблюдение у терапевта.'
  },
  {
    kind: 'sports-clearance',
    title: 'Медицинское заключение о допуске к занятиям физической культурой и спортом',
    body: () =>
      'Медицинских противопоказаний к занятиям физической культурой и спортом не выявлено. Группа: основная.'
  },
  {
    kind: 'referral-mse',
    title: 'Направление на медико-социальную экспертизу',
    body: (dx) => `Направляется на МСЭ для установления группы инвалидности.\nОсновной диагноз: ${dx}.`
  },
  {
    kind: 'discharge-summary',
    title: 'Выписной эпикриз',
    body: (dx) =>
      `Находился на лечении в дневном стационаре.\nЗаключительный диагноз: ${dx}.\nВыписан в удовлетворительном состоянии.`
  },
  {
    kind: 'prescription',
    title: 'Рецепт на лекарственный препарат',
    body: () => 'Rp.: Amlodipini 5 mg\nD.t.d. N 30 in tab.\nS.: по 1 таблетке 1 раз в день.'
  }
]
