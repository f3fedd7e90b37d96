// The few pdfmake 0.3 calls the benchmark makes; the package ships no types of its own.
declare module 'pdfmake' {
  interface PdfMake {
    virtualfs: { writeFileSync(path: string, data: Buffer): void }
    setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void
    setUrlAccessPolicy(allow: (url: string) => boolean): void
    setLocalAccessPolicy(allow: (path: string) => boolean): void
    createPdf(definition: object): { getBuffer(): Promise<Buffer> }
  }
  const pdfmake: PdfMake
  export default pdfmake
}
