// Surnames for the demo: half the people carry one of the common surnames in people.ts, the other half one from a
// long tail built from syllables and the usual endings (Бакулов, Терешин, Мордасенко). A real card index of a
// million people holds on the order of a hundred thousand distinct surnames; search, the one-typo search above all,
// has to be measured on that, not on a hundred names.
import { surnames as common } from './people'
import { seededRandom, type Random } from './random'

const onsets = ['б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ф', 'х', 'ч', 'ш']
const clusters = ['бр', 'гр', 'др', 'кр', 'пр', 'тр', 'ст', 'сл', 'см', 'шм', 'зв', 'гл', 'пл', 'кл']
const vowels = ['а', 'о', 'у', 'е', 'и']
const codas = ['б', 'д', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'х', 'ш', 'ч', 'лк', 'рт', 'нк', 'рд', 'ст']
const endings = ['ов', 'ов', 'ов', 'ов', 'ин', 'ин', 'ин', 'ев', 'енко', 'ук', 'ых', 'ан']

const TAIL_SIZE = 60_000

let tail: string[] | null = null

/** The tail, made once per process from its own seed: the same names on every machine, whatever else is drawn. */
function tailSurnames(): string[] {
  if (!tail) {
    const rnd = seededRandom(0x5eed_5a3e)
    const made = new Set<string>()
    while (made.size < TAIL_SIZE) {
      const first = rnd.chance(0.3) ? rnd.pick(clusters) : rnd.pick(onsets)
      const root = first + rnd.pick(vowels) + rnd.pick(onsets) + rnd.pick(vowels) + rnd.pick(codas)
      // Soft endings read better after ч and ш: Бакушев, not Бакушов.
      let ending = rnd.pick(endings)
      if (ending === 'ов' && /[чш]$/.test(root)) ending = 'ев'
      made.add(root[0].toUpperCase() + root.slice(1) + ending)
    }
    tail = [...made]
  }
  return tail
}

/** A surname in its masculine form (feminineSurname gives the other). */
export function pickSurname(rnd: Random): string {
  return rnd.chance(0.5) ? rnd.pick(common) : rnd.pick(tailSurnames())
}
