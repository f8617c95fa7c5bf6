/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * jni_md.h for 64-bit Windows, used when the JNI library is cross-built with
 * mingw-w64 on a Linux machine (whose JDK ships only the Linux jni_md.h).
 *
 * jni.h (taken from the building JDK: it is the same on every platform)
 * includes "jni_md.h" for what differs by platform.  On Windows that is:
 *   - JNIEXPORT: __declspec(dllexport), so that the DLL exports its JNI
 *     entry points (and, with no other dllexport in the module, nothing else);
 *   - JNICALL: __stdcall (ignored on x86-64, where there is one convention);
 *   - jint is `long` and jlong `__int64`: Windows is LLP64, `long` is 32 bits.
 * These are the definitions of the JDK's own Windows jni_md.h, so the DLL
 * is built exactly as it would be on Windows with a Windows JDK.
 */
#ifndef DGS_JNI_MD_WIN32_H
#define DGS_JNI_MD_WIN32_H

#ifndef _WIN64
#error "this jni_md.h is for 64-bit Windows only"
#endif

#ifndef JNIEXPORT
#define JNIEXPORT __declspec(dllexport)
#endif
#define JNIIMPORT __declspec(dllimport)
#define JNICALL __stdcall

typedef long jint;
typedef __int64 jlong;
typedef signed char jbyte;

#endif
