;;; strace-ls-views.el --- strace-ls views and summaries: M-x strace-ls-view, M-x strace-ls-summary  -*- lexical-binding: t -*-

;; Load it after strace-ls.el, (load "/path/to/strace-ls/editors/emacs/strace-ls-views.el").
;; strace-ls-view and strace-ls-summary ask the Eglot server of the current buffer (a trace, or a
;; view of one) for the server commands strace.view and strace.summary; strace-ls-view-file and
;; strace-ls-summary-file do the same for a trace file that is not open (the server reads it,
;; whatever its size), with this buffer's server, else one running, else one Eglot starts for the
;; file's folder.  Emacs 28 with Eglot 1.9 and newer.

(require 'eglot)
(require 'seq)
(require 'button)
(require 'xref)
(require 'url-parse)
(require 'url-util)

(defconst strace-ls-filters
  "pid=N[,N] tree failed noise syscall=a,b class=c,d path=TEXT fd=PID:FD@LINE lines=A-B time=T1-T2 context=N"
  "The filters of `strace-ls-view', words separated by spaces.
Quote a word that holds spaces: \"path=/my dir\".")
(defvar strace-ls-view-history nil)
(defvar strace-ls-request-timeout 600 "Seconds to wait for the view or the summary of a big trace.")
(defvar-local strace-ls-original nil "In a view or a summary: the original's URI.")
(defvar-local strace-ls-server nil "In a view or a summary: the Eglot server that made it.")
(defvar-local strace-ls-view-lines nil "In a view: the original's 0-based line of each line, a vector.")
(dolist (v '(strace-ls-original strace-ls-server strace-ls-view-lines)) (put v 'permanent-local t))

;; URIs as Eglot writes and reads them (public from Eglot 1.16, private before)
(defun strace-ls--uri (file)
  (if (fboundp 'eglot-path-to-uri) (eglot-path-to-uri file) (eglot--path-to-uri file)))
(defun strace-ls--file (uri)
  (let ((path (and (string-prefix-p "file:" uri)
                   (if (fboundp 'eglot-uri-to-path) (eglot-uri-to-path uri) (eglot--uri-to-path uri)))))
    ;; Eglot 1.9 leaves the UTF-8 bytes of a non-ASCII name undecoded
    (if (and path (not (multibyte-string-p path))) (decode-coding-string path 'utf-8) path)))

(defun strace-ls--number (text) (and (string-match-p "\\`[0-9]+\\'" text) (string-to-number text)))
(defun strace-ls--list (text)
  (let ((items (split-string text ",")))
    (and (not (member "" items)) (vconcat items))))
(defun strace-ls--range (text parse)
  "A-B, A-, -B or A, each end read by PARSE: (FROM . TO), nil when wrong."
  (let* ((ends (if (string-match "\\`\\([^-]*\\)-\\([^-]*\\)\\'" text)
                   (list (match-string 1 text) (match-string 2 text))
                 (list text text)))
         (values (mapcar (lambda (end) (if (equal end "") 'open (funcall parse end))) ends)))
    (and (not (memq nil values)) (not (equal values '(open open)))
         (cons (and (not (eq (car values) 'open)) (car values))
               (and (not (eq (cadr values) 'open)) (cadr values))))))

(defun strace-ls-view-argument (words uri)
  "The argument of strace.view for the filter WORDS on URI.
A `user-error' for a wrong word."
  (let ((arg (list :uri uri)) seen)
    (dolist (word words)
      (let* ((at (string-match "=" word))
             (key (if at (substring word 0 at) word))
             (value (and at (substring word (1+ at))))
             (bad (lambda (why) (user-error "strace-ls-view: %s %s; the filters are %s" key why strace-ls-filters)))
             (put (lambda (k v) (if v (setq arg (plist-put arg k v)) (funcall bad (format "has a bad value: %s" value))))))
        (when (member key seen) (funcall bad "given twice"))
        (push key seen)
        (cond
         ((member key '("tree" "failed" "noise"))
          (if value (funcall bad "takes no value") (setq arg (plist-put arg (intern (concat ":" key)) t))))
         ((not (member key '("pid" "syscall" "class" "path" "fd" "lines" "time" "context")))
          (user-error "strace-ls-view: unknown filter %s; the filters are %s" word strace-ls-filters))
         ((null value) (funcall bad "needs a value"))
         ((equal key "pid")
          (let ((pids (mapcar #'strace-ls--number (or (strace-ls--list value) '(nil)))))
            (funcall put :pid (and (not (memq nil pids)) (if (cdr pids) (vconcat pids) (car pids))))))
         ((equal key "syscall") (funcall put :syscalls (strace-ls--list value)))
         ((equal key "class") (funcall put :classes (strace-ls--list value)))
         ((equal key "path") (funcall put :path (and (not (equal value "")) value)))
         ((equal key "fd")
          (funcall put :fd (and (string-match "\\`\\([0-9]+\\):\\([0-9]+\\)@\\([1-9][0-9]*\\)\\'" value)
                                (list :pid (string-to-number (match-string 1 value))
                                      :fd (string-to-number (match-string 2 value))
                                      :line (1- (string-to-number (match-string 3 value)))))))
         ((member key '("lines" "time"))
          (let* ((lines (equal key "lines"))
                 (r (strace-ls--range value (if lines
                                                (lambda (x) (let ((n (strace-ls--number x))) (and n (> n 0) (1- n))))
                                              (lambda (x) (and (string-match-p "\\`[0-9:.]+\\'" x) x))))))
            (unless r (funcall bad (format "has a bad value: %s" value)))
            (when (car r) (setq arg (plist-put arg (if lines :fromLine :fromTime) (car r))))
            (when (cdr r) (setq arg (plist-put arg (if lines :toLine :toTime) (cdr r))))))
         ((equal key "context") (funcall put :context (strace-ls--number value))))))
    arg))

(defun strace-ls--execute (name command argument then &optional server)
  "Ask SERVER (else this buffer's) for COMMAND with ARGUMENT for the command NAME.
Call THEN with the server and the answer, or say the server's error."
  (let ((server (or server strace-ls-server (eglot-current-server))))
    (unless server (user-error "%s: no strace-ls server manages this buffer (open a trace first)" name))
    (jsonrpc-async-request
     server :workspace/executeCommand (list :command command :arguments (vector argument))
     :success-fn (lambda (result)
                   (if (stringp (plist-get result :text)) (funcall then server result)
                     (message "%s: no answer from the server (a strace-ls without %s?)" name command)))
     :error-fn (lambda (error) (message "%s: %s" name (plist-get error :message)))
     :timeout strace-ls-request-timeout
     :timeout-fn (lambda () (message "%s: no answer in %s s" name strace-ls-request-timeout)))))

(defun strace-ls--server-for-file (name file)
  "The Eglot server to ask about FILE, open or not, for the command NAME.
This buffer's strace-ls server, else the one of FILE's folder, else any
running one, else one Eglot starts for FILE's folder (as `eglot-ensure'
would for a trace there).  Eglot has no public way to list its servers or
to guess a contact without a file: this uses `eglot--servers-by-project',
`eglot--major-modes' and `eglot--guess-contact', the same from Eglot 1.9 to 1.17."
  (or strace-ls-server
      (and (derived-mode-p 'strace-mode) (eglot-current-server))
      (with-temp-buffer
        (let ((folder (file-name-directory file)))
          (when (and folder (file-directory-p folder)) (setq default-directory folder)))
        (let ((strace-mode-hook nil)) (strace-mode))
        (or (eglot-current-server)
            (let (any)
              (maphash (lambda (_ servers)
                         (dolist (s servers) (when (memq 'strace-mode (eglot--major-modes s)) (setq any (or any s)))))
                       eglot--servers-by-project)
              any)
            (let ((contact (let ((buffer-file-name (expand-file-name "strace-ls" default-directory)))
                             (eglot--guess-contact)))
                  (eglot-sync-connect t))
              (apply #'eglot contact)
              (setq eglot--cached-server nil)
              (eglot-current-server))
            (user-error "%s: no strace-ls server started for %s" name default-directory)))))

(defun strace-ls--file-uri (file)
  (strace-ls--uri (directory-file-name (expand-file-name file))))

(defun strace-ls--original-uri ()
  (or strace-ls-original
      (and buffer-file-name (strace-ls--uri buffer-file-name))
      (user-error "strace-ls: this buffer shows no trace file")))

(defun strace-ls--show (uri line)
  "Visit the original URI at 0-based LINE; M-, comes back."
  (let ((file (or (strace-ls--file uri) (user-error "strace-ls: %s is not a file" uri))))
    (xref-push-marker-stack)
    (pop-to-buffer-same-window (find-file-noselect file))
    (goto-char (point-min))
    (forward-line line)))

(defun strace-ls--scratch (uri title text server)
  "A new buffer holding TEXT, named after TITLE, in the project of SERVER.
Else in the folder of the original URI."
  (let* ((file (strace-ls--file uri))
         (root (ignore-errors (project-root (eglot--project server))))
         (buffer (generate-new-buffer (format "*%s*" title))))
    (with-current-buffer buffer
      (insert text)
      (goto-char (point-min))
      (setq default-directory (cond (root (file-name-as-directory root))
                                    (file (file-name-directory file))
                                    (t default-directory))))
    buffer))

(defvar strace-ls-view-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "RET") #'strace-ls-view-original)
    map))
(define-minor-mode strace-ls-view-mode
  "A view of a trace: RET visits the line in the original.
So does M-. on a line's pid or time."
  :lighter " view")

(defun strace-ls-view-original ()
  "Visit the original trace at this line of the view."
  (interactive)
  (let ((line (1- (line-number-at-pos))))
    (if (< line (length strace-ls-view-lines))
        (strace-ls--show strace-ls-original (aref strace-ls-view-lines line))
      (message "strace-ls-view: no line of the original here"))))

(defun strace-ls-view (filters)
  "Show the lines of this trace that pass FILTERS.
FILTERS is a string of words (none: all lines): pid=N[,N] tree failed
noise syscall=a,b class=c,d path=TEXT fd=PID:FD@LINE (a file descriptor
of process PID at LINE) lines=A-B time=T1-T2 context=N.
The view is a trace in `strace-mode', managed by Eglot; RET, or M-. on
a line's pid or time, visits that line in the original."
  (interactive (list (read-string "strace view, filters (none: all lines): " nil 'strace-ls-view-history)))
  (strace-ls--view "strace-ls-view" (strace-ls-view-argument (split-string-and-unquote filters) (strace-ls--original-uri))))

(defun strace-ls-view-file (file filters)
  "Show the lines of the trace FILE that pass FILTERS, without opening FILE.
The server reads FILE itself, whatever its size; FILTERS are those of
`strace-ls-view'.  RET on a line of the view visits that line of FILE."
  (interactive (list (read-file-name "strace view of the trace file: ")
                     (read-string "strace view, filters (none: all lines): " nil 'strace-ls-view-history)))
  (let ((arg (strace-ls-view-argument (split-string-and-unquote filters) (strace-ls--file-uri file))))
    (strace-ls--view "strace-ls-view-file" arg (strace-ls--server-for-file "strace-ls-view-file" file))))

(defun strace-ls--view (name arg &optional server)
  (strace-ls--execute
   name "strace.view" arg
   (lambda (server view)
     (if (eq (plist-get view :total) 0)
         (message "%s: no line of %s passes these filters" name (plist-get view :title))
       (let* ((uri (plist-get view :uri))
              (buffer (strace-ls--scratch uri (plist-get view :title) (plist-get view :text) server)))
         (with-current-buffer buffer
           ;; Eglot manages buffers that visit a file: the view visits a name in the project of the server
           ;; that made it (the original's folder, usually), never written (read-only, unmodified), so
           ;; that server manages it too.
           ;; ASCII only: Eglot 1.9 does not decode the URIs of non-ASCII names.
           (let* ((file (expand-file-name (replace-regexp-in-string "[^a-zA-Z0-9 ._,=:()+-]" "-"
                                                                    (plist-get view :title))))
                  (unique file) (n 1))
             (while (get-file-buffer unique) (setq n (1+ n) unique (format "%s (%d)" file n)))
             (setq buffer-file-name unique))
           (set-buffer-modified-p nil)
           (strace-mode)
           (setq strace-ls-original uri strace-ls-server server strace-ls-view-lines (plist-get view :lines)
                 buffer-read-only t)
           (setq-local revert-buffer-function
                       (lambda (&rest _) (user-error "strace-ls-view: a view is no file; run strace-ls-view again")))
           (strace-ls-view-mode 1)
           (unless (eglot-managed-p)
             (message "strace-ls-view: Eglot does not manage the view (another strace-ls server?)")))
         (pop-to-buffer-same-window buffer)
         (when (eq (plist-get view :truncated) t)
           (message "%s: the first %d of %d lines"
                    name (length (plist-get view :lines)) (plist-get view :total))))))
   server))

(defun strace-ls-summary-follow ()
  "Visit the original at the link under point, or at the first link of this line."
  (interactive)
  (let ((button (or (button-at (point))
                    (let ((next (next-button (line-beginning-position))))
                      (and next (<= (button-start next) (line-end-position)) next)))))
    (if button
        (strace-ls--show strace-ls-original (button-get button 'strace-ls-target))
      (message "strace-ls-summary: no link on this line"))))

(defvar strace-ls-summary-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "RET") #'strace-ls-summary-follow)
    (define-key map (kbd "M-.") #'strace-ls-summary-follow)
    map))
(define-derived-mode strace-ls-summary-mode special-mode "strace summary"
  "The summary of a trace: RET or M-. on a link visits that line of the original.")

(defun strace-ls--move-utf16 (column)
  "Move forward on this line by COLUMN UTF-16 code units (LSP columns)."
  (while (and (> column 0) (not (eolp)))
    (setq column (- column (if (> (char-after) #xFFFF) 2 1)))
    (forward-char)))

(defun strace-ls-summary ()
  "Show the summary of this trace.
Options, processes, failures and their causes, slow calls, syscalls.
RET or M-. on a link visits that line of the original."
  (interactive)
  (strace-ls--summary "strace-ls-summary" (strace-ls--original-uri)))

(defun strace-ls-summary-file (file)
  "Show the summary of the trace FILE, without opening FILE.
The server reads FILE itself, whatever its size.  RET or M-. on a link
visits that line of FILE."
  (interactive (list (read-file-name "strace summary of the trace file: ")))
  (strace-ls--summary "strace-ls-summary-file" (strace-ls--file-uri file)
                      (strace-ls--server-for-file "strace-ls-summary-file" file)))

(defun strace-ls--summary (name uri &optional server)
  (strace-ls--execute
   name "strace.summary" (list :uri uri)
   (lambda (server summary)
     (let ((buffer (strace-ls--scratch (plist-get summary :uri) (plist-get summary :title) (plist-get summary :text)
                                       server)))
       (with-current-buffer buffer
         (strace-ls-summary-mode)
         (setq strace-ls-original (plist-get summary :uri) strace-ls-server server)
         (seq-doseq (link (plist-get summary :links))
           (save-excursion
             (goto-char (point-min))
             (forward-line (plist-get link :line))
             (let ((bol (point)) start)
               (strace-ls--move-utf16 (plist-get link :start))
               (setq start (point))
               (goto-char bol)
               (strace-ls--move-utf16 (plist-get link :end))
               (make-text-button start (point) 'strace-ls-target (plist-get link :target)
                                 'action (lambda (_) (strace-ls-summary-follow))
                                 'help-echo (format "line %d of the original" (1+ (plist-get link :target))))))))
       (pop-to-buffer-same-window buffer)))
   server))

(provide 'strace-ls-views)
;;; strace-ls-views.el ends here
