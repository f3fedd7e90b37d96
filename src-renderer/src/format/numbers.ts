// Counts as a Russian reader reads them: 10 482 891, thousands apart.
const counts = new Intl.NumberFormat('ru-RU')

export function formatCount(n: number): string {
  return counts.format(n)
}
