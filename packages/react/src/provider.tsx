/** @jsxImportSource react */
import type { Vitrin } from "@vitrin/core";
import {
  NO_VITRIN,
  providedVitrin,
  startVitrin,
  type VitrinContextValue,
  type VitrinProviderOptions,
} from "@vitrin/widgets";
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";

const VitrinContext = createContext<VitrinContextValue>(NO_VITRIN);

/** Props of `<VitrinProvider>`. */
export interface VitrinProviderProps extends VitrinProviderOptions {
  children?: ReactNode;
}

/**
 * Gives the hooks and components below it a Vitrin: the `vitrin` instance, or one it makes from
 * `options` in the browser (in an effect, so never on the server) and destroys on unmount.
 * `options` are read once; give the provider a new `key` to start again with others. Until the
 * first client render is committed it hands out no instance, so the hydrating render matches
 * the server's HTML exactly.
 */
export function VitrinProvider(props: VitrinProviderProps) {
  const [own, setOwn] = useState<Vitrin | undefined>(undefined);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const given = props.vitrin;
  // Options are read once: an inline object literal is a new object on every render.
  const options = useRef(props.options);
  useEffect(() => {
    if (given || !options.current) return;
    const started = startVitrin(options.current);
    setOwn(started.vitrin);
    return () => {
      setOwn(undefined);
      started.stop();
    };
  }, [given]);
  const vitrin = providedVitrin(props, own, mounted);
  const value = useMemo(() => ({ vitrin, lang: props.lang }), [vitrin, props.lang]);
  return <VitrinContext.Provider value={value}>{props.children}</VitrinContext.Provider>;
}

/** The provider's Vitrin and language (internal to the hooks and components). */
export const useVitrinContext = (): VitrinContextValue => useContext(VitrinContext);

/** The provider's Vitrin: undefined on the server, in the first render and before it has one. */
export const useVitrin = (): Vitrin | undefined => useVitrinContext().vitrin;
