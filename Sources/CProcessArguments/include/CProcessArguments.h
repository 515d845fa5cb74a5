// The process's arguments as glibc hands them to initializers, and the Swift runtime's two entry
// points for CommandLine.arguments defined on them (see CProcessArguments.c).
#ifndef CPROCESSARGUMENTS_H
#define CPROCESSARGUMENTS_H

/* argv as the process was started with it (NULL-terminated), `*count` set to argc; NULL and 0
 * where the C library does not hand them to initializers (not glibc). */
char **cpa_arguments(int *count);

#endif
