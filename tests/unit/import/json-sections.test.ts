import { describe, expect, it } from 'vitest'
import { arrayElements, outlineJson } from '../../../src-main/core/import/json-sections'
import { chunked } from './fixtures'

const text =
  '\uFEFF{"format": "registrar-import", "version": 1, "source": {"system": "mis", "name": "МИС «Поликлиника»"},\n' +
  ' "patients": [{"a": "x,]}\\"y\\\\"}, {"b": [1, 2, {"c": "[{"}]}, 5, "s", null],\n' +
  ' "visits": []}'

describe('reading a large JSON file in place', () => {
  it('outlines the top level and hands out each element whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 5, 8, 13, 1000]) {
      const chunks = chunked(text, size)
      const outline = outlineJson(chunks)
      expect(outline.members).toEqual({
        format: 'registrar-import',
        version: 1,
        source: { system: 'mis', name: 'МИС «Поликлиника»' }
      })
      expect(outline.arrays.patients.count).toBe(5)
      expect(outline.arrays.visits.count).toBe(0)
      const elements = [...arrayElements(chunks, outline.arrays.patients.start)].map((e) => JSON.parse(e))
      expect(elements).toEqual([{ a: 'x,]}"y\\' }, { b: [1, 2, { c: '[{' }] }, 5, 's', null])
      expect([...arrayElements(chunks, outline.arrays.visits.start)]).toEqual([])
    }
  })

  it('refuses a cut-off or malformed file with the place it went wrong', () => {
    const fails = (t: string) => () => outlineJson(chunked(t, 4))
    expect(fails('{"patients": [{"a": 1}')).toThrow('файл оборван')
    expect(fails('[{"a": 1}]')).toThrow('ожидалось «{» в начале файла (символ 1)')
    expect(fails('{"a": 1} x')).toThrow('после закрывающей «}» есть лишний текст (символ 10)')
    expect(fails('{"a" 1}')).toThrow('ожидалось «:» после имени поля')
    expect(fails('{"p": [1 2]}')).toThrow('ожидалась «,» или «]» между элементами списка')
    expect(fails('{"p": tru}')).toThrow('значение поля «p» не разобрано')
  })
})
