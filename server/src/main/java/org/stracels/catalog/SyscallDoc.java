package org.stracels.catalog;

import java.util.List;

/**
 * What a syscall does, in our words.
 *
 * @param kind      its class: file, descriptor, process, memory, network, signal, ipc, time, …
 * @param signature its C prototype with parameter names
 * @param params    parameters in the order strace prints them
 * @param returnsFd a successful call returns a new file descriptor
 * @param strace    how strace shows it, when that is special; may be null
 */
public record SyscallDoc(String name, String kind, String signature, List<ParamDoc> params, String summary,
        String returns, boolean returnsFd, String strace) {

    /** One parameter of a syscall. */
    public record ParamDoc(String name, String type, String doc) { }

    /** The parameter at {@code index}, or null. */
    public ParamDoc param(int index) {
        return params != null && index >= 0 && index < params.size() ? params.get(index) : null;
    }

    /** The parameter called {@code name} (strace's named arguments: clone's {@code flags=}), or null. */
    public ParamDoc param(String name) {
        if (params == null) {
            return null;
        }
        for (ParamDoc p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The online manual page. */
    public String manPage() {
        return "https://man7.org/linux/man-pages/man2/" + name + ".2.html";
    }
}
