/** One line of a drop-down (SelectField). */
export interface Choice<T> {
  value: T
  text: string
}
