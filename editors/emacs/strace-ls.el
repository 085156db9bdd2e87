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

;; M-x strace-ls-compare: what the trace in this buffer (the run that failed) did differently from
;; another run of the same command that worked (a trace, the folder of an -ff run, or its prefix).
;; The server ranks the differences (strace.compare); *strace-compare* lists them, most likely
;; first.  RET on a numbered line shows BAD's line and GOOD's side by side; on a good:/bad: line,
;; that line.
(defun strace-ls--visit (place &optional window)
  "Show PLACE, (FILE . LINE), in WINDOW (or another window) with point on that line."
  (select-window (or window (next-window)))
  (find-file (car place))
  (goto-char (point-min))
  (forward-line (1- (cdr place))))

(defun strace-ls-compare-visit ()
  "Show the place(s) of the difference at point."
  (interactive)
  (let ((good (get-text-property (point) 'strace-ls-good))
        (bad (get-text-property (point) 'strace-ls-bad)))
    (cond ((and good bad)
           (delete-other-windows)
           (let ((left (split-window-below)))
             (strace-ls--visit bad left)
             (strace-ls--visit good (split-window-right))
             (select-window (get-buffer-window (find-buffer-visiting (car bad))))))
          ((or good bad) (strace-ls--visit (or good bad))))))

(define-derived-mode strace-ls-compare-mode special-mode "strace-compare"
  "The ranked differences between two runs; RET shows them."
  (define-key strace-ls-compare-mode-map (kbd "RET") #'strace-ls-compare-visit))

(defun strace-ls-compare (other)
  "Compare the trace of this buffer (the run that failed) with OTHER (a run that worked)."
  (interactive (list (read-file-name "Compare with the run that worked: ")))
  (let* ((server (eglot--current-server-or-lose))
         (path (lambda (f) (directory-file-name (expand-file-name f))))
         (answer (jsonrpc-request server :workspace/executeCommand
                                  `(:command "strace.compare"
                                    :arguments [(:good ,(eglot--path-to-uri (funcall path other))
                                                 :bad ,(eglot--path-to-uri (funcall path buffer-file-name)))])))
         (place (lambda (loc)
                  (when loc
                    (cons (eglot--uri-to-path (plist-get loc :uri))
                          (1+ (plist-get (plist-get (plist-get loc :range) :start) :line))))))
         (shown (lambda (p) (if p (format "%s:%d" (car p) (cdr p)) "-")))
         (n 0))
    (with-current-buffer (get-buffer-create "*strace-compare*")
      (let ((inhibit-read-only t))
        (erase-buffer)
        (strace-ls-compare-mode)
        (seq-doseq (f (plist-get answer :failures))
          (insert "BAD failed: " f "\n"))
        (seq-doseq (d (plist-get answer :differences))
          (when (eq (plist-get d :ranked) t)
            (let ((good (funcall place (plist-get d :good)))
                  (bad (funcall place (plist-get d :bad))))
              (setq n (1+ n))
              (insert (propertize (format "%d. %s: %s\n" n (plist-get d :kind) (plist-get d :why))
                                  'strace-ls-good good 'strace-ls-bad bad))
              (insert (propertize (format "   good: %s\n" (funcall shown good)) 'strace-ls-good good))
              (insert (propertize (format "   bad:  %s\n" (funcall shown bad)) 'strace-ls-bad bad)))))
        (insert (format "%d ranked differences%s\n" n
                        (if (eq (plist-get answer :explainsFailure) t) "" "; BAD did not fail where GOOD worked")))
        (goto-char (point-min)))
      (pop-to-buffer (current-buffer)))))
