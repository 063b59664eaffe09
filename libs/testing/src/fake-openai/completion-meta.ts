/** Fields every object of one fake completion shares (each chunk repeats them). */
export interface CompletionMeta {
  readonly id: string;
  readonly created: number;
  readonly model: string;
}
