package org.stracels.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stracels.cli.CliTest.file;
import static org.stracels.cli.CliTest.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code check --explain --json} on each trace of issue 12: the entry for the process whose failure a user sees
 * (its message, else its exit) names first the cause, down its via chain, on the labelled line, with the reason
 * in words that makes it rise.
 */
class ExplainAllTheWayDownTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // file             | entry text contains                 | line of the cause | a reason of it (start, no weight)
        "stuck-lock.strace  | (/usr/bin/timeout) exited with 124  | 92  | stuck: openat(",
        "flock-held.strace  | (/usr/bin/flock) exited with 1      | 34  | a lock held by another process",
        "missing-lib.strace | error while loading shared libra    | 117 | the dynamic loader could not find libdemo.so.1",
        "nb-connect.strace  | server not available                | 33  | an error hidden in a call that succeeded",
        "daemon-log.strace  | reported to the log file            | 37  | the last failure before the message",
        "sh-c-fail.strace   | (/usr/bin/sh) exited with 3         | 99  | EISDIR (Is a directory) seldom happens",
        "set-e.strace       | (/usr/bin/sh) exited with 2         | 118 | the last failure before the exit",
        "dup2-stderr.strace | could not load settin               | 33  | the last failure before the message",
        "abort.strace       | killed by SIGABRT                   | 34  | it killed itself: abort()",
        "yes-head.strace    | (/usr/bin/yes) killed by SIGPIPE    | 206 | normal: the reader of its pipe had finished",
        "sh-stderr.strace   | backup: target directory missing    | 48  | the last failure before the message",
    })
    void theFirstCauseNamedIsTheRealOne(String trace, String entry, int line, String reason) {
        JsonArray all = JsonParser.parseString(run("check", "--explain", "--json", file(trace)).out()).getAsJsonArray();
        JsonObject explained = null;
        for (JsonElement e : all) {
            if (e.getAsJsonObject().get("text").getAsString().contains(entry)) {
                explained = e.getAsJsonObject();
                break;
            }
        }
        assertThat(explained).as(entry).isNotNull();
        JsonObject cause = explained.getAsJsonArray("causes").get(0).getAsJsonObject();
        while (cause.has("via")) {
            cause = cause.getAsJsonArray("via").get(0).getAsJsonObject();
        }
        assertThat(cause.get("line").getAsInt()).isEqualTo(line);
        assertThat(cause.getAsJsonArray("reasons").asList()).anySatisfy(r ->
                assertThat(r.getAsString().replaceFirst("^[+-]\\d+ ", "")).startsWith(reason));
    }
}
