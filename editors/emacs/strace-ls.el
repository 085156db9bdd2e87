;;; strace-ls.el --- strace logs: a strace-mode, and strace-ls through Eglot  -*- lexical-binding: t -*-

;; Load it from your init file, (load "/path/to/strace-ls/editors/emacs/strace-ls.el"),
;; or copy what follows there.  It runs `strace-ls' from `exec-path' (the repository's
;; bin/strace-ls); put another command in `eglot-server-programs' below if yours is elsewhere.
;; Emacs 29 and newer come with Eglot; Emacs 28 needs the eglot package (Debian: elpa-eglot).

(defvar strace-font-lock-keywords
  '(("\\(?:\\+\\+\\+\\|---\\) .* \\(?:\\+\\+\\+\\|---\\)$" . font-lock-comment-face)
    ("\\_<\\([a-z_][a-z0-9_]*\\)(" 1 font-lock-function-name-face)
    ("= -1 \\(E[A-Z0-9]+\\)" 1 font-lock-warning-face)
    ("\\_<[A-Z][A-Z0-9_]+\\_>" . font-lock-constant-face))
  "What `strace-mode' colours: calls, failures, constants, signal and exit lines.")

(unless (fboundp 'strace-mode)
  (define-derived-mode strace-mode prog-mode "strace"
    "Major mode for the logs strace writes."
    (modify-syntax-entry ?\" "\"")
    (modify-syntax-entry ?\\ "\\")
    (modify-syntax-entry ?/ ". 14")
    (modify-syntax-entry ?* ". 23")
    (setq-local font-lock-defaults '(strace-font-lock-keywords))))

(add-to-list 'auto-mode-alist '("\\.strace\\(?:\\.[0-9]+\\)?\\'" . strace-mode))

;; strace -ff -o PREFIX writes PREFIX.PID: by content, so that a manual page ls.1 stays what it is.
;; The first line, after the prefixes of -f, -Y, -t/-tt/-ttt, -r, -n and -i, is a call, a
;; signal, an exit or a resumed half.
(defun strace-ls-ff-file-p ()
  (and buffer-file-name
       (string-match-p "\\.[0-9]+\\'" buffer-file-name)
       (looking-at "\\(?:\\[pid +[0-9]+\\] *\\|[0-9]+\\(?:<[^>]*>\\)? +\\)?\\(?: *[0-9:.]+ +\\)?\\(?:(\\+ *[0-9.]+) *\\)?\\(?:\\[ *[0-9a-f]+\\] *\\)*\\(?:[a-z_][a-z0-9_]*(.*\\(?:) += \\|<[a-z]+ \\.\\.\\.>\\)\\|\\+\\+\\+ \\|--- \\|<\\.\\.\\. \\)")))
(add-to-list 'magic-mode-alist '(strace-ls-ff-file-p . strace-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(strace-mode . ("strace-ls"))))
(add-hook 'strace-mode-hook #'eglot-ensure)
