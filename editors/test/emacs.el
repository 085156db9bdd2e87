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


;; M-x strace-ls-view and M-x strace-ls-summary (editors/emacs/strace-ls-views.el) against the server
(defvar shown nil "The messages strace-ls-views.el showed, newest first.")
(advice-add 'message :after
            (lambda (format &rest args)
              (let ((text (and format (apply #'format-message format args))))
                (when (and text (string-prefix-p "strace-ls-" text)) (push text shown)))))
(defun read-lines (path) (split-string (string-trim-right (read-text path) "\n") "\n"))
(defun run-until-new-buffer (thunk)
  "Call THUNK and wait until the selected window shows another buffer, or a message; return that buffer."
  (let ((from (window-buffer)))
    (funcall thunk)
    (wait-for (lambda () (or (not (eq (window-buffer) from)) shown)))
    (set-buffer (window-buffer))))
(defun jump-with (command want)
  "Run COMMAND here and wait until the window shows WANT: its line there, or nil and where it is."
  (let ((from (current-buffer)))
    (call-interactively command)
    (wait-for (lambda () (not (eq (window-buffer) from))))
    (set-buffer (window-buffer))
    (if (eq (current-buffer) want) (line-number-at-pos)
      (format "%s:%d" (current-buffer) (line-number-at-pos)))))
(defun definition-command ()
  (lambda () (interactive) (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))))
(defun lines-of-buffer () (split-string (buffer-substring-no-properties (point-min) (point-max)) "\n"))
(defun diagnostics-at (wanted-lines)
  "The Flymake diagnostics of this buffer as \"LINE:COL-ENDCOL TYPE\", LINE 0-based, on WANTED-LINES (1-based) or all."
  (let (result)
    (dolist (d (flymake-diagnostics) (nreverse result))
      (let ((line (line-number-at-pos (flymake-diagnostic-beg d))))
        (when (or (null wanted-lines) (memq line wanted-lines))
          (push (list line (save-excursion (goto-char (flymake-diagnostic-beg d)) (current-column))
                      (save-excursion (goto-char (flymake-diagnostic-end d)) (current-column))
                      (flymake-diagnostic-type d))
                result))))))

(cl-defun views ()
  (let* ((path (expand-file-name "tt-T.strace" work))
         (original (read-lines path))
         (source (open path))
         (server (managed source))
         (buffers (length (buffer-list)))
         expected view got)
    (unless (check "tt-T.strace (4 processes, -f -tt -T): Eglot manages it" server) (cl-return-from views))

    ;; wrong filters: one message each, nothing opens, the server stays up (the shutdown checks below)
    (setq shown nil)
    (condition-case e (progn (strace-ls-view "pid=abc failed") (push "no error" shown))
      (user-error (push (error-message-string e) shown)))
    (check "strace-ls-view pid=abc failed: one message naming the filter, no buffer opens"
           (and (= (length shown) 1) (string-search "pid" (car shown)) (string-search "abc" (car shown))
                (= (length (buffer-list)) buffers) (eq (window-buffer) source))
           shown)
    (setq shown nil)
    (strace-ls-view "class=nosuch")
    (wait-for (lambda () shown))
    (accept-process-output nil 0.3)
    (check "strace-ls-view class=nosuch: the server refuses it, one message, no buffer opens"
           (and (= (length shown) 1) (string-prefix-p "strace-ls-view: " (car shown))
                (string-search "nosuch" (car shown)) (not (string-search "\n" (car shown)))
                (= (length (buffer-list)) buffers) (eq (window-buffer) source))
           shown)

    (setq shown nil)
    (strace-ls-view "pid=4242")
    (wait-for (lambda () shown))
    (check "strace-ls-view pid=4242 (no such process): one message that no line passes, no buffer opens"
           (and (= (length shown) 1) (string-search "no line" (car shown))
                (= (length (buffer-list)) buffers) (eq (window-buffer) source))
           shown)

    ;; pid and lines: the lines of process 9755 among lines 239-252 of the original, verbatim, in order
    (cl-loop for i from 239 to 252 when (string-prefix-p "9755 " (nth (1- i) original)) do (push i expected))
    (setq expected (nreverse expected) shown nil)
    (setq view (run-until-new-buffer (lambda () (strace-ls-view "pid=9755 lines=239-252"))))
    (setq got (lines-of-buffer))
    (unless (check (format "strace-ls-view pid=9755 lines=239-252 shows the %d lines of 9755 there, verbatim"
                           (length expected))
                   (and (not (eq view source)) (> (length expected) 5)
                        (equal got (mapcar (lambda (i) (nth (1- i) original)) expected)))
                   (list shown (length got) (seq-take got 3)))
      (cl-return-from views))
    (check "the view is read-only, in strace-mode, managed by Eglot with the trace's server"
           (and buffer-read-only (eq major-mode 'strace-mode) (managed view) (eq (eglot-current-server) server))
           (list buffer-read-only major-mode (eglot-current-server)))

    ;; diagnostics: each one of the original on these lines is on the view's line too, same columns and type
    (let* ((wanted (with-current-buffer source
                     (diagnostics 1)
                     (mapcar (lambda (d) (cons (1+ (cl-position (car d) expected)) (cdr d))) (diagnostics-at expected))))
           (have (progn (diagnostics (length wanted)) (diagnostics-at nil)))
           (missing (cl-remove-if (lambda (w) (member w have)) wanted)))
      (check (format "the view has the %d diagnostics of the original on its lines (ENOENT of statx among them)"
                     (length wanted))
             (and (>= (length wanted) 2) (null missing)) (format "missing %S; have %S" missing have)))

    ;; hover, and M-. on a line's pid and on its time: the original at that line
    (let ((statx (1+ (cl-position-if (lambda (l) (string-search "statx(AT_FDCWD, \"/nonexistent\"" l)) got)))
          line)
      (goto statx "statx")
      (let ((value (plist-get (plist-get (request :textDocument/hover) :contents) :value)))
        (check "hover on statx in the view documents the syscall" (and value (string-search "statx" value)) value))
      (goto-char (point-min)) (forward-line (1- statx))
      (setq line (jump-with (definition-command) source))
      (check (format "M-. on the pid of view line %d visits line %d of tt-T.strace" statx (nth (1- statx) expected))
             (equal line (nth (1- statx) expected)) line)
      (switch-to-buffer view)
      (goto 2 "03:43") (forward-char 3)
      (setq line (jump-with (definition-command) source))
      (check (format "M-. on the time of view line 2 visits line %d of tt-T.strace" (nth 1 expected))
             (equal line (nth 1 expected)) line)
      (switch-to-buffer view)
      (goto-char (point-max)) (beginning-of-line) (forward-char 20)
      (setq line (jump-with (key-binding (kbd "RET")) source))
      (check (format "RET on the last view line visits line %d of tt-T.strace" (car (last expected)))
             (equal line (car (last expected))) line))

    ;; failed, run from the view: the filters apply to the original; failures of 9755 only, the same lines as
    ;; `strace-ls view --pid 9755 --failed`
    (switch-to-buffer view)
    (setq shown nil)
    (let ((from view))
      (setq view (run-until-new-buffer (lambda () (strace-ls-view "pid=9755 failed"))))
      (check "revert-buffer in a view says to run strace-ls-view again, and the view stays"
             (with-current-buffer from
               (condition-case e (progn (revert-buffer t t) nil)
                 (user-error (and (string-search "strace-ls-view" (error-message-string e))
                                  (equal (lines-of-buffer) (mapcar (lambda (i) (nth (1- i) original)) expected)))))))
      (setq got (lines-of-buffer))
      (check "strace-ls-view pid=9755 failed in that view shows failures of 9755 in the original only (calls, exit), the statx of /nonexistent among them"
           (and (not (eq view from)) got
                (cl-every (lambda (l) (and (string-prefix-p "9755 " l)
                                           (or (string-search " = -1 E" l) (string-match-p "\\+\\+\\+ exited with [1-9]" l))))
                          got)
                (cl-some (lambda (l) (string-search "\"/nonexistent\"" l)) got))
           (list shown (seq-take got 3))))
    (check "the same lines as `strace-ls view --pid 9755 --failed` prints"
           (equal got (read-lines (expand-file-name "tt-T.failed-9755" work))) got)

    ;; every filter word: the same lines as `strace-ls view` prints for the same flags
    (let ((cases (split-string (read-text (expand-file-name "views/cases" work)) "\n" t))
          differ)
      (dolist (case cases)
        (let* ((words (car (split-string case "\t"))) (cli (read-lines (cadr (split-string case "\t")))))
          (switch-to-buffer source)
          (setq shown nil)
          (setq view (run-until-new-buffer (lambda () (strace-ls-view words))))
          (unless (and (not (eq view source)) (not (equal cli '(""))) (equal (lines-of-buffer) cli))
            (push (format "%s %S" words shown) differ))))
      (check (format "each of %d strace-ls-view filters (every filter word) shows what `strace-ls view` prints for the same flags"
                     (length cases))
             (and (>= (length cases) 10) (null differ)) differ))

    ;; the summary: its text in a buffer, a link goes to its line of the original
    (switch-to-buffer source)
    (let* ((answer (jsonrpc-request server :workspace/executeCommand
                                    (list :command "strace.summary" :arguments (vector (list :uri (strace-ls--uri path))))))
           (link (seq-find (lambda (l) (string-search "\"/nonexistent\"" (nth (plist-get l :target) original)))
                           (plist-get answer :links)))
           summary line)
      (setq shown nil)
      (setq summary (run-until-new-buffer #'strace-ls-summary))
      (unless (check "strace-ls-summary shows the summary the server gives, read-only, in strace-ls-summary-mode"
                     (and (not (eq summary source)) (equal (buffer-string) (plist-get answer :text)) buffer-read-only
                          (eq major-mode 'strace-ls-summary-mode))
                     (list shown (buffer-substring (point-min) (min (point-max) 300))))
        (cl-return-from views))
      (when (check "a link of the summary points at a failed statx of /nonexistent" link)
        (goto-char (point-min)) (forward-line (plist-get link :line)) (forward-char (plist-get link :start))
        (let ((said (buffer-substring-no-properties (point) (+ (point) (- (plist-get link :end) (plist-get link :start))))))
          (check (format "its text \"%s\" names that line, %d" said (1+ (plist-get link :target)))
                 (and (string-match "[0-9]+" said) (equal (match-string 0 said) (number-to-string (1+ (plist-get link :target)))))
                 said))
        (check "it is a button" (button-at (point)))
        (setq line (jump-with (key-binding (kbd "M-.")) source))
        (check (format "M-. on it visits line %d of tt-T.strace" (1+ (plist-get link :target)))
               (equal line (1+ (plist-get link :target))) line)
        (switch-to-buffer summary)
        (goto-char (point-min)) (forward-line (plist-get link :line)) (forward-char (plist-get link :start))
        (setq line (jump-with #'push-button source))
        (check (format "RET on the button visits line %d of tt-T.strace" (1+ (plist-get link :target)))
               (equal line (1+ (plist-get link :target))) line)))
    (switch-to-buffer source)))

;; M-x strace-ls-summary-file and M-x strace-ls-view-file on traces that are not open, before any trace is:
;; Eglot starts the server for them; a jump from the view visits the original at the right line; three bad inputs
(defun strace-servers ()
  (cl-loop for servers being the hash-values of eglot--servers-by-project append servers))
(defun cli-view (name)
  "The CLI's view --line-numbers in $work/cli/NAME: (LINES . NUMBERS)."
  (let (lines numbers)
    (dolist (l (read-lines (expand-file-name (concat "cli/" name) work)))
      (string-match "\\`\\([0-9]+\\):\\(.*\\)\\'" l)
      (push (string-to-number (match-string 1 l)) numbers)
      (push (match-string 2 l) lines))
    (cons (nreverse lines) (nreverse numbers))))

(defun unopened ()
  (let ((disk (expand-file-name "disk" work))
        (from (get-buffer-create "*scratch*")))
    (check "no Eglot server runs before the first trace" (null (strace-servers)))
    (dolist (name '("tt-T" "big"))
      (let* ((path (expand-file-name (concat name ".strace") disk))
             (size (format " (%d KB)" (/ (file-attribute-size (file-attributes path)) 1024)))
             (cli (cli-view (concat name ".failed-9755")))
             summary view server line)
        (switch-to-buffer from)
        (setq shown nil)
        (setq summary (run-until-new-buffer (lambda () (strace-ls-summary-file path))))
        (check (format "strace-ls-summary-file %s.strace%s, not open, shows what `strace-ls summary` prints" name size)
               (and (not (eq summary from)) (eq major-mode 'strace-ls-summary-mode)
                    (equal (buffer-string) (read-text (expand-file-name (concat "cli/" name ".summary") work))))
               (list shown (buffer-substring (point-min) (min (point-max) 200))))
        (check (format "and %s.strace stays unopened" name) (null (find-buffer-visiting path)))
        (when (equal name "tt-T")          ; a view asked in the summary: of its original, by the same server
          (setq shown nil)
          (setq view (run-until-new-buffer (lambda () (strace-ls-view "pid=9755 failed"))))
          (check "strace-ls-view \"pid=9755 failed\" in that summary shows the same view of tt-T.strace"
                 (and (not (eq view summary)) (equal (lines-of-buffer) (car cli))) shown)
          (kill-buffer view))
        (switch-to-buffer from)
        (setq shown nil)
        (setq view (run-until-new-buffer (lambda () (strace-ls-view-file path "pid=9755 failed"))))
        (check (format "strace-ls-view-file %s.strace \"pid=9755 failed\" shows what `strace-ls view --pid 9755 --failed` prints" name)
               (and (not (eq view from)) (> (length (car cli)) 2) (equal (lines-of-buffer) (car cli)))
               (list shown (length (lines-of-buffer)) (seq-take (lines-of-buffer) 2)))
        (check (format "and %s.strace stays unopened" name) (null (find-buffer-visiting path)))
        (setq server (managed view))
        (check "the view is in strace-mode, managed by Eglot with the server that made it"
               (and server (eq major-mode 'strace-mode) (eq server strace-ls-server)) (list major-mode server))
        (when (equal name "tt-T")
          (check "Eglot started one server for the folder of the file" (equal (length (strace-servers)) 1)
                 (strace-servers)))
        ;; RET on the last line, M-. on the pid of the first: the original at that line
        (goto-char (point-max)) (beginning-of-line) (forward-char 10)
        (setq line (jump-with (key-binding (kbd "RET")) nil))
        (check (format "RET on the last view line visits %s.strace at line %d" name (car (last (cdr cli))))
               (and (equal buffer-file-name path) (equal (line-number-at-pos) (car (last (cdr cli))))) line)
        (switch-to-buffer view)
        (goto-char (point-min))
        (setq line (jump-with (definition-command) (find-buffer-visiting path)))
        (check (format "M-. on the pid of the first view line visits line %d of %s.strace" (cadr cli) name)
               (equal line (cadr cli)) line)
        (kill-buffer (find-buffer-visiting path))))

    ;; a missing file, a directory, a binary file: the server's one line, no buffer
    (switch-to-buffer from)
    (dolist (case '(("nosuch.strace" "no such file") ("folder.strace" "is a directory")
                    ("binary.strace" "not a text file")))
      (let ((path (expand-file-name (car case) disk)))
        (dolist (command (list (cons "strace-ls-summary-file" (lambda () (strace-ls-summary-file path)))
                               (cons "strace-ls-view-file" (lambda () (strace-ls-view-file path "failed")))))
          (let ((buffers (length (buffer-list))))
            (setq shown nil)
            (funcall (cdr command))
            (wait-for (lambda () shown))
            (accept-process-output nil 0.3)
            (check (format "%s on %s: one message, \"%s: …%s\", no buffer opens" (car command) (car case) (car command) (cadr case))
                   (and (= (length shown) 1) (string-prefix-p (concat (car command) ": ") (car shown))
                        (string-search (cadr case) (car shown)) (string-search (car case) (car shown))
                        (not (string-search "\n" (car shown)))
                        (= (length (buffer-list)) buffers) (eq (window-buffer) from))
                   shown)))))))

(defun main ()
  (say (format "Emacs %s, Eglot %s" emacs-version
               (package-version-join (package-desc-version (cadr (assq 'eglot package-alist))))))
  (let ((recipe (read-text (expand-file-name "editors/emacs/strace-ls.el" repo))))
    (check "docs/editors/emacs.md holds editors/emacs/strace-ls.el as it is"
           (string-search recipe (read-text (expand-file-name "docs/editors/emacs.md" repo))))
    (check "docs/editors/emacs.md holds editors/emacs/strace-ls-views.el as it is"
           (string-search (read-text (expand-file-name "editors/emacs/strace-ls-views.el" repo))
                          (read-text (expand-file-name "docs/editors/emacs.md" repo)))))
  (load (expand-file-name "editors/emacs/strace-ls.el" repo) nil t)
  (load (expand-file-name "editors/emacs/strace-ls-views.el" repo) nil t)
  ;; settings as docs/editors/emacs.md shows them (this value is the default, so it changes nothing)
  (setq-default eglot-workspace-configuration '(:strace (:hover (:manPages t))))
  (advice-add 'jsonrpc-notify :before
              (lambda (_conn method params)
                (when (eq method :workspace/didChangeConfiguration) (setq sent-settings params))))

  (unopened)

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
    (views)

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
