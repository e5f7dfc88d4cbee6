import type { Ref } from 'preact';

interface Props {
  label: string;
  value: string;
  placeholder: string;
  onInput: (value: string) => void;
  /** keys the box does not use itself (ArrowDown into a list of results) */
  onKeyDown?: (event: KeyboardEvent) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled native search box (Escape clears it, as browsers do for type=search). */
export function SearchField({ label, value, placeholder, onInput, onKeyDown, inputRef }: Props) {
  return (
    <label class="pi-search">
      <span>{label}</span>
      <input
        ref={inputRef}
        type="search"
        value={value}
        placeholder={placeholder}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
    </label>
  );
}
