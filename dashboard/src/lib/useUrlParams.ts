import { useSearchParams } from 'react-router';

/**
 * The page's URL query as its state, so every view is bookmarkable: `set` changes some
 * parameters (an empty value removes one) and replaces the history entry.
 */
export function useUrlParams(): [URLSearchParams, (changes: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return [params, set];
}
