"""CommitPackFT's English imperative verbs, as data.

A commit subject is kept only if it starts with one of these verbs followed by a space (matched on
the lower-cased, whitespace-normalised instruction). The list is the ``GOOD_STARTS_EN`` set from
OctoPack's ``commitpackft_filters1.py`` with its duplicates removed and one fix: their entry
``"plug "`` carried a trailing space, so with the appended separator it only matched ``"plug  "``
(two spaces); here it is ``"plug"``. Multi-word entries (``"speed up"``) match as a phrase.
"""

from __future__ import annotations

# Comma-separated so that multi-word verbs survive; one string keeps the formatter from putting
# each of the 257 entries on its own line.
_VERBS = """
abort, accelerate, access, accumulate, add, address, adjust, advance, align, allot, allow,
amplify, annotate, append, apply, archive, arrange, attach, augment, automate, backup, boost,
break, bring, brush up, build, bump, call, change, check, choose, clarify, clean, clear, clone,
comment, complete, compress, concatenate, configure, connect, consolidate, convert, copy,
correct, cover, create, customize, cut, deal with, debug, decipher, declare, decommission,
decomplexify, decompress, decrease, decrypt, define, delete, deploy, designate, destroy,
detach, determine, develop, diminish, disable, discard, disentangle, dismantle, divide,
document, downgrade, drop, duplicate, edit, embed, emphasize, enable, encrypt, enforce,
enhance, enlarge, enumerate, eradicate, escalate, establish, exclude, exit, expand, expedite,
expire, extend, facilitate, fix, format, gather, generalize, halt, handle, hasten, hide,
implement, improve, include, increase, increment, indent, index, inflate, initialize, insert,
install, integrate, interpolate, interrupt, introduce, isolate, join, kill, leverage, load,
magnify, maintain, make, manage, mark, mask, mend, merge, migrate, modify, monitor, move,
multiply, normalize, optimize, orchestrate, order, package, paraphrase, paste, patch, plug,
prepare, prepend, print, provision, purge, put, quit, raise, read, reannotate, rearrange,
rebase, reboot, rebuild, recomment, recompile, reconfigure, reconnect, rectify, redact,
redefine, reduce, refactor, reformat, refresh, reimplement, reinforce, relocate, remove,
rename, reorder, reorganize, repackage, repair, rephrase, replace, reposition, reschedule,
reset, reshape, resolve, restructure, return, revert, revise, revoke, reword, rework, rewrite,
rollback, save, scale, scrub, secure, select, send, set, settle, simplify, solve, sort,
speed up, split, stabilize, standardize, stipulate, stop, store, streamline, strengthen,
structure, substitute, subtract, support, swap, switch, synchronize, tackle, tag, terminate,
test, throw, tidy, transform, transpose, trim, troubleshoot, truncate, tweak, unblock, uncover,
undo, unify, uninstall, unplug, unpublish, unravel, unstage, unsync, untangle, unwind, update,
upgrade, use, validate, verify, watch, watermark, whitelist, withdraw, work, write
"""

IMPERATIVE_VERBS: frozenset[str] = frozenset(
    verb.strip() for verb in _VERBS.replace("\n", " ").split(",") if verb.strip()
)
