interface Props {
  label: string;
  value: string;
  placeholder: string;
  onInput: (value: string) => void;
}

/** A labelled native search box (Escape clears it, as browsers do for type=search). */
export function SearchField({ label, value, placeholder, onInput }: Props) {
  return (
    <label class="pi-search">
      <span>{label}</span>
      <input
        type="search"
        value={value}
        placeholder={placeholder}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}
