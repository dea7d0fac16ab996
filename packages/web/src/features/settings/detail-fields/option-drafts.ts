import { cleanOptions, type Problem } from '@cp/shared';
import type { OptionRenameInput } from '../../../gql/graphql';

/**
 * One option in the editor. `original` is the saved option it started as
 * (null for a new one), so editing its text in place is a rename that
 * existing values follow, not a removal plus an addition.
 */
export interface OptionDraft {
  id: string;
  text: string;
  original: string | null;
}

let counter = 0;

export function newOption(text = '', original: string | null = null): OptionDraft {
  counter += 1;
  return { id: `option-${counter}`, text, original };
}

export function optionDraftsOf(options: readonly string[]): OptionDraft[] {
  return options.map((option) => newOption(option, option));
}

/** The saved options no draft descends from: saving clears them from every value. */
export function removedOptions(saved: readonly string[], drafts: readonly OptionDraft[]): string[] {
  const kept = new Set(drafts.map((draft) => draft.original));
  return saved.filter((option) => !kept.has(option));
}

/** The option list and renames to send, cleaned by the same rules as the API; or why it cannot be saved. */
export function optionChanges(drafts: readonly OptionDraft[]): { ok: true; options: string[]; renames: OptionRenameInput[] } | { ok: false; problem: Problem } {
  const cleaned = cleanOptions(drafts.map((draft) => draft.text));
  if (!cleaned.ok) return cleaned;
  // cleanOptions keeps the order and count of a valid list, so positions line up.
  const renames = drafts.flatMap((draft, index) => {
    const to = cleaned.options[index]!;
    return draft.original !== null && draft.original !== to ? [{ from: draft.original, to }] : [];
  });
  return { ok: true, options: cleaned.options, renames };
}
