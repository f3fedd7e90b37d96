// A person of the demo: a patient, a parent, a proxy or a doctor, with a surname drawn from the common list or the
// long tail.
import { feminineSurname, femaleNames, maleNames, patronymic } from './people'
import type { Random } from './random'
import { pickSurname } from './surnames'

export interface DemoPerson {
  lastName: string
  firstName: string
  middleName: string
  sex: 'M' | 'F'
  /** The surname's masculine form, which a child's parent shares. */
  baseSurname: string
}

export function person(rnd: Random, sex: 'M' | 'F', surname?: string): DemoPerson {
  const base = surname ?? pickSurname(rnd)
  return {
    baseSurname: base,
    lastName: sex === 'F' ? feminineSurname(base) : base,
    firstName: rnd.pick(sex === 'M' ? maleNames : femaleNames),
    middleName: patronymic(rnd.pick(maleNames), sex),
    sex
  }
}
