// jsPDF compresses every stream of a document (page contents, the font subset) with fflate, a deflate written in
// JavaScript, and then turns the result into a binary string one character at a time, each step a longer string:
// about a fifth of the time from a scan to a ten-page extract, and much of its garbage. A stream whose only filter is
// FlateEncode, as every stream of our documents but an image's is, is deflated here by Node's zlib instead, at the same
// default level and in the same zlib format (RFC 1950) that a PDF's FlateDecode reads. Images keep their own
// encoding, and any other chain of filters goes to jsPDF's own.
import { jsPDF } from 'jspdf'
import { deflateSync } from 'node:zlib'

interface Filtered {
  data: string
  reverseChain: string
}

type ByFilters = (data: string, filters?: string | string[]) => Filtered

interface FilterApi {
  processDataByFilters?: ByFilters
}

const api = jsPDF.API as unknown as FilterApi
const ownFilters = api.processDataByFilters

function onlyFlate(filters: string | string[] | undefined): boolean {
  const list = typeof filters === 'string' ? [filters] : (filters ?? [])
  return list.length === 1 && (list[0] === 'FlateEncode' || list[0] === '/FlateEncode')
}

/**
 * `data` is a binary string, one byte per character as jsPDF keeps a stream (a character above 255 keeps its low
 * byte, as jsPDF's own filter does); so is the answer.
 */
export function flateEncode(data: string): Filtered {
  return {
    data: deflateSync(Buffer.from(data, 'latin1')).toString('latin1'),
    reverseChain: '/FlateDecode'
  }
}

if (ownFilters) {
  api.processDataByFilters = (data, filters) =>
    onlyFlate(filters) ? flateEncode(data ?? '') : ownFilters(data, filters)
}
