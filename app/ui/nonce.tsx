import { createContext, use } from 'react'

/** The CSP nonce of this response; empty in the browser, which hides it anyway. */
export const NonceContext = createContext('')
export const useNonce = () => use(NonceContext)
