;;; emacs.el --- Eglot against strace-ls in Emacs batch mode  -*- lexical-binding: t -*-
;; Run by editors/test/emacs.sh, which prepares $STRACE_LS_WORK (copies of testdata traces) and puts
;; bin/strace-ls on the PATH.  It loads the recipe users load (editors/emacs/strace-ls.el) as it is.
;; Batch mode has no command loop: post-command-hook (eglot-ensure) and Flymake's timers are run by hand.

(require 'package)
;; -Q also drops site-lisp from load-path: Debian's elpa-eglot (and the project/xref it needs) is there
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'cl-lib)
(require 'eglot)
(require 'flymake)
(require 'xref)
(require 'imenu)

(defvar repo (getenv "STRACE_LS_REPO"))
(defvar work (getenv "STRACE_LS_WORK"))
(defvar passed 0)
(defvar failed 0)
(defvar skipped 0)
(defconst timeout 20)
(defvar sent-settings nil "The params of the last workspace/didChangeConfiguration Eglot sent.")

(defun say (text) (princ (concat text "\n")))
(defun check (name ok &optional detail)
  (if ok
      (progn (cl-incf passed) (say (concat "ok: " name)))
    (cl-incf failed)
    (say (concat "FAIL: " name (if detail (format ": %s" detail) ""))))
  ok)
(defun skip (name why) (cl-incf skipped) (say (format "skipped: %s: %s" name why)))
(defun read-text (path) (with-temp-buffer (insert-file-contents path) (buffer-string)))
(defun wait-for (pred)
  "Let processes and timers run until PRED holds, at most `timeout' seconds; return its value."
  (let ((deadline (+ (float-time) timeout)) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    value))
(defun goto (line needle &optional nth)
  "Point to the start of the NTH occurrence of NEEDLE on LINE (1-based)."
  (goto-char (point-min))
  (forward-line (1- line))
  (let ((end (line-end-position)))
    (dotimes (_ (or nth 1)) (search-forward needle end))
    (goto-char (match-beginning 0))))
(defun request (method &optional extra)
  (jsonrpc-request (eglot--current-server-or-lose) method
                   (append (eglot--TextDocumentPositionParams) extra)))
(defun lines-of (locations)
  (mapconcat #'number-to-string
             (sort (mapcar (lambda (l) (1+ (plist-get (plist-get (plist-get l :range) :start) :line)))
                           locations)
                   #'<)
             ","))
(defun open (path)
  "Visit PATH as a user would: the major mode by name or content, then what the command loop runs."
  (switch-to-buffer (find-file-noselect path))
  (run-hooks 'post-command-hook)        ; where eglot-ensure connects
  (current-buffer))
(defun managed (buffer)
  (wait-for (lambda () (with-current-buffer buffer (and eglot--managed-mode (eglot-current-server))))))
(defun diagnostics (count)
  (flymake-start)
  (wait-for (lambda () (>= (length (flymake-diagnostics)) count)))
  (flymake-diagnostics))

(defun main ()
  (say (format "Emacs %s, Eglot %s" emacs-version
               (package-version-join (package-desc-version (cadr (assq 'eglot package-alist))))))
  (let ((recipe (read-text (expand-file-name "editors/emacs/strace-ls.el" repo))))
    (check "docs/editors/emacs.md holds editors/emacs/strace-ls.el as it is"
           (string-search recipe (read-text (expand-file-name "docs/editors/emacs.md" repo)))))
  (load (expand-file-name "editors/emacs/strace-ls.el" repo) nil t)
  ;; settings as docs/editors/emacs.md shows them (this value is the default, so it changes nothing)
  (setq-default eglot-workspace-configuration '(:strace (:hover (:manPages t))))
  (advice-add 'jsonrpc-notify :before
              (lambda (_conn method params)
                (when (eq method :workspace/didChangeConfiguration) (setq sent-settings params))))

  ;; a plain trace: the mode, Eglot, its capabilities
  (let* ((buffer (open (expand-file-name "plain.strace" work)))
         (expected (json-parse-string (read-text (expand-file-name "plain.json" work))
                                      :object-type 'plist :array-type 'list))
         server caps)
    (check "plain.strace opens in strace-mode" (eq major-mode 'strace-mode) major-mode)
    (setq server (managed buffer))
    (unless (check "Eglot connected and manages the buffer" server)
      (error "no server"))
    (setq caps (eglot--capabilities server))
    (check "Eglot sent eglot-workspace-configuration as {\"settings\": {\"strace\": …}}"
           (equal (jsonrpc--json-encode sent-settings) "{\"settings\":{\"strace\":{\"hover\":{\"manPages\":true}}}}")
           (jsonrpc--json-encode sent-settings))
    (check "the server advertises hover, definition, references and highlights"
           (and (plist-get caps :hoverProvider) (plist-get caps :definitionProvider)
                (plist-get caps :referencesProvider) (plist-get caps :documentHighlightProvider))
           caps)

    ;; diagnostics: the findings of `strace-ls check --json', through Flymake
    (let ((got (diagnostics (length expected)))
          (types '(("error" . eglot-error) ("warning" . eglot-warning)
                   ("information" . eglot-note) ("hint" . eglot-note)))
          missing)
      (check (format "%d diagnostics arrive in Flymake, as many as `strace-ls check` finds" (length expected))
             (= (length got) (length expected)) (format "%d arrived" (length got)))
      (dolist (e expected)
        (let ((beg (save-excursion (goto-char (point-min)) (forward-line (1- (plist-get e :line)))
                                   (+ (point) (1- (plist-get e :column)))))
              (end (save-excursion (goto-char (point-min)) (forward-line (1- (plist-get e :endLine)))
                                   (+ (point) (1- (plist-get e :endColumn)))))
              (text (format "strace [%s]: %s" (plist-get e :code) (plist-get e :message))))
          (unless (cl-find-if (lambda (d) (and (= (flymake-diagnostic-beg d) beg) (= (flymake-diagnostic-end d) end)
                                               (eq (flymake-diagnostic-type d) (cdr (assoc (plist-get e :severity) types)))
                                               (equal (flymake-diagnostic-text d) text)))
                              got)
            (push (format "%s:%s %s" (plist-get e :line) (plist-get e :column) (plist-get e :code)) missing))))
      (check "each finding is a Flymake diagnostic with its region, type and text" (null missing)
             (format "missing %s; got %S" missing
                     (mapcar (lambda (d) (list (line-number-at-pos (flymake-diagnostic-beg d))
                                               (flymake-diagnostic-text d)))
                             got)))
      (goto 63 "ENOENT")
      (let ((d (cl-find-if (lambda (d) (= (flymake-diagnostic-beg d) (point))) got)))
        (check "line 63: a warning ENOENT on the errno of statx(\"/nonexistent\"), columns 105-111"
               (and d (= (current-column) 104) (eq (flymake-diagnostic-type d) 'eglot-warning)
                    (equal (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) "ENOENT")
                    (string-search "\"/nonexistent\"" (flymake-diagnostic-text d)))
               d)))

    ;; hover: what ElDoc gets from Eglot, and the raw answer's range
    (let (doc)
      (goto 5 "openat")
      (eglot-hover-eldoc-function (lambda (info &rest _) (setq doc info)))
      (wait-for (lambda () doc))
      (check "hover on openat (line 5), through ElDoc, documents the syscall"
             (and doc (string-search "openat" doc) (string-search "file descriptor" doc)) doc))
    (goto 63 "ENOENT")
    (let* ((hover (request :textDocument/hover))
           (value (plist-get (plist-get hover :contents) :value))
           (start (plist-get (plist-get hover :range) :start)))
      (check "hover on ENOENT (line 63) explains the errno"
             (and value (string-search "ENOENT" value) (string-search "No such file or directory" value)) hover)
      (check "its range is the errno" (and (equal (plist-get start :line) 62) (equal (plist-get start :character) 104))
             (plist-get hover :range)))

    ;; definition: xref-find-definitions, as M-. does
    (cl-flet ((jump (line needle want name)
                (goto line needle)
                (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
                (check name (= (line-number-at-pos) want) (format "point on line %d" (line-number-at-pos)))))
      (jump 10 "3" 9 "definition of fd 3 in read(3, …) on line 10 jumps to its openat on line 9")
      (jump 58 "3" 54 "definition of fd 3 in close(3) on line 58 jumps to openat(\"/proc/filesystems\") on line 54"))
    (goto 56 "3")
    (let ((refs (request :textDocument/references '(:context (:includeDeclaration t)))))
      (check "references of fd 3 on line 56: lines 54-58" (equal (lines-of refs) "54,55,56,57,58") (lines-of refs)))
    (let ((highlights (request :textDocument/documentHighlight)))
      (check "document highlights of fd 3 on line 56: lines 54-58" (equal (lines-of highlights) "54,55,56,57,58")
             (lines-of highlights)))

    ;; document symbols, through imenu, only where the server offers them
    (if (eglot--server-capable :documentSymbolProvider)
        (let ((index (funcall imenu-create-index-function)))
          (check "document symbols through imenu: a process running /usr/bin/ls"
                 (string-search "/usr/bin/ls" (format "%S" index)) index))
      (skip "document symbols" "the server does not advertise documentSymbolProvider"))

    ;; UTF-16: non-ASCII text before the errno; regions land on the errno both ways
    (let ((utf8 (open (expand-file-name "utf8.strace" work))))
      (managed utf8)
      (goto 63 "ENOENT")
      (let ((d (cl-find-if (lambda (d) (= (line-number-at-pos (flymake-diagnostic-beg d)) 63))
                           (diagnostics (length expected)))))
        (check "after \"é😀\" on line 63 the diagnostic still covers ENOENT"
               (and d (equal (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) "ENOENT"))
               (and d (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))))
      (forward-char 2)
      (let ((value (plist-get (plist-get (request :textDocument/hover) :contents) :value)))
        (check "hover in ENOENT after \"é😀\" explains ENOENT"
               (and value (string-search "No such file or directory" value)) value)))

    ;; -ff files: PREFIX.PID by content, definition into another file
    (let ((child (open (expand-file-name "ff/trace.9651" work))))
      (check "ff/trace.9651 (first line set_robust_list) opens in strace-mode by content"
             (eq major-mode 'strace-mode) major-mode)
      (check "Eglot manages it" (managed child)))
    (open (expand-file-name "ff/trace.9650" work))
    (managed (current-buffer))
    (goto 50 "9651")
    (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
    (check "definition of clone's result 9651 (trace.9650 line 50) visits trace.9651 at line 1"
           (and (equal buffer-file-name (expand-file-name "ff/trace.9651" work)) (= (line-number-at-pos) 1))
           (format "%s:%d" buffer-file-name (line-number-at-pos)))
    (let ((names (split-string (read-text (expand-file-name "content/manifest" work)) "\n" t))
          undetected)
      (dolist (name names)
        (open (expand-file-name (concat "content/" name) work))
        (unless (and (eq major-mode 'strace-mode) (managed (current-buffer)))
          (push (format "%s (%s)" name major-mode) undetected))
        (kill-buffer))
      (check (format "all %d testdata traces renamed NAME.NUMBER open in strace-mode by their first line, managed by Eglot" (length names))
             (and (> (length names) 40) (null undetected)) undetected))
    (open (expand-file-name "lock.strace.10130" work))
    (check "lock.strace.10130 opens in strace-mode by name" (eq major-mode 'strace-mode) major-mode)
    (open (expand-file-name "ls.1" work))
    (check "a manual page ls.1 is not taken for a trace" (not (eq major-mode 'strace-mode)) major-mode)
    (check "Eglot does not manage it" (not eglot--managed-mode))

    (compare-checks)

    ;; shutdown and exit sent here, not by eglot-shutdown, which kills the process right after exit
    (dolist (s (cl-loop for servers being the hash-values of eglot--servers-by-project append servers))
      (let ((process (jsonrpc--process s)))
        (setf (eglot--shutdown-requested s) t)
        (jsonrpc-request s :shutdown nil)
        (jsonrpc-notify s :exit nil)
        (wait-for (lambda () (not (process-live-p process))))
        (check (format "server %s exits 0 after shutdown and exit" (jsonrpc-name s))
               (and (eq (process-status process) 'exit) (= (process-exit-status process) 0))
               (format "%s %s" (process-status process) (process-exit-status process)))))))

;; M-x strace-ls-compare on a real pair of runs (testdata/diff/missing.*): the scratch buffer and RET
(defun line-with (path &rest parts)
  (with-temp-buffer
    (insert-file-contents path)
    (let ((n 1) found)
      (while (and (not found) (not (eobp)))
        (let ((l (buffer-substring (line-beginning-position) (line-end-position))))
          (if (cl-every (lambda (p) (string-search p l)) parts) (setq found n) (setq n (1+ n)) (forward-line 1))))
      found)))
(defun compare-checks ()
  (let* ((bad (expand-file-name "diff/missing.bad.strace" work))
         (good (expand-file-name "diff/missing.good.strace" work))
         (bad-line (line-with bad "app.conf" "ENOENT"))
         (good-line (line-with good "openat(" "app.conf")))
    (managed (open bad))
    (strace-ls-compare good)
    (let* ((lines (with-current-buffer "*strace-compare*" (split-string (buffer-string) "\n")))
           (first (cl-position-if (lambda (l) (string-prefix-p "1. " l)) lines)))
      (check "M-x strace-ls-compare lists the ranked differences, the missing app.conf first"
             (and first (string-search "failed-in-bad" (nth first lines)) (string-search "app.conf" (nth first lines)))
             lines)
      (check "with both lines of it"
             (and first (equal (nth (1+ first) lines) (format "   good: %s:%d" good good-line))
                  (equal (nth (+ 2 first) lines) (format "   bad:  %s:%d" bad bad-line)))
             lines)
      (when first
        (with-current-buffer "*strace-compare*"
          (select-window (get-buffer-window (current-buffer)))
          (goto-char (point-min))
          (forward-line first)
          (strace-ls-compare-visit))
        (let ((shown (mapcar (lambda (w) (with-current-buffer (window-buffer w)
                                           (cons buffer-file-name (line-number-at-pos (window-point w)))))
                             (window-list))))
          (check (format "RET on it shows BAD at line %d and GOOD at line %d side by side" bad-line good-line)
                 (and (equal (cdr (assoc bad shown)) bad-line) (equal (cdr (assoc good shown)) good-line)
                      (equal buffer-file-name bad))
                 shown))))
    (delete-other-windows)))

(condition-case err
    (main)
  (error (check "the test ran to its end" nil (error-message-string err))))
(say (format "emacs: %d passed, %d failed, %d skipped" passed failed skipped))
(kill-emacs (if (> failed 0) 1 0))
